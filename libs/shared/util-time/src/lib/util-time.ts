export function utilTime(): string {
  return 'util-time';
}
