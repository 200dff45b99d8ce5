export function workspaceTests(): string {
  return 'workspace-tests';
}
