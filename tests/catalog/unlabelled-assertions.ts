import ts from 'typescript';

/** Where an assertion without a message sits, 1-based, and its opening text. */
export interface UnlabelledAssertion {
  line: number;
  column: number;
  text: string;
}

/**
 * The `expect(…)`, `expect.soft(…)` and `expect.poll(…)` calls of a source text that carry no
 * message: a failure of one prints only `expect(received).toBe(expected)`. A message is the second
 * argument, either text (a string, a template, a variable holding one) or an options object with a
 * `message` property; an empty string literal is no message. Asymmetric matchers
 * (`expect.any(…)`, `expect.arrayContaining(…)`) assert nothing and are not counted.
 */
export function unlabelledAssertions(source: string, fileName = 'source.ts'): UnlabelledAssertion[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: UnlabelledAssertion[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isAssertionCall(node) && !hasMessage(node)) {
      const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push({ line: line + 1, column: character + 1, text: firstLine(node.getText(file)) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function isAssertionCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'expect';
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'expect' &&
    (callee.name.text === 'soft' || callee.name.text === 'poll')
  );
}

function hasMessage(call: ts.CallExpression): boolean {
  const label = call.arguments[1];
  if (!label) return false;
  if (ts.isStringLiteral(label) || ts.isNoSubstitutionTemplateLiteral(label)) return label.text.trim() !== '';
  if (ts.isObjectLiteralExpression(label))
    return label.properties.some((property) => property.name?.getText() === 'message');
  return true;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
