/** Whether a cookie or storage key `name` matches a declared `pattern`: an exact name, or `prefix*`. */
export function matchesName(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
