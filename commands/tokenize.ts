/** Split text into words, keeping "double", “curly” and 'single' quoted runs together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const token = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    if (token.trim() !== '') tokens.push(token.trim());
  }
  return tokens;
}
