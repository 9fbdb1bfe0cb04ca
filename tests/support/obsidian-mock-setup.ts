// The Obsidian-API tests' setup: obsidian-test-mocks' own (DOM helpers, `obsidian` mocked). Loaded
// through this file because vitest cannot load a setup file named by package when node_modules is a
// symlink to outside the project (as in git worktrees).
import "obsidian-test-mocks/vitest-setup";
