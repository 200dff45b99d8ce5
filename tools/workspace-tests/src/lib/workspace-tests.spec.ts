import { workspaceTests } from './workspace-tests';

describe('workspaceTests', () => {
  it('should work', () => {
    expect(workspaceTests()).toEqual('workspace-tests');
  });
});
