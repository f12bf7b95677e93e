import { expect, test } from '@playwright/test';
import { isLoopbackUrl } from '../../mock/studio/loopback';

/** Self-tests of the guard that keeps the mock's Studio call-outs on this machine. */

for (const url of [
  'http://127.0.0.1:8080/hook',
  'http://127.1.2.3/',
  'http://localhost:3000/',
  'http://[::1]:9/',
]) {
  test(`${url} is loopback`, () => {
    expect(isLoopbackUrl(url)).toBe(true);
  });
}

for (const url of [
  'http://127.evil.example/',
  'http://127.0.0.1.evil.example/',
  'http://localhost.evil.example/',
  'http://10.0.0.1/',
  'http://127.0.0.256/',
  'ftp://127.0.0.1/',
]) {
  test(`${url} is not loopback`, () => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
}
