import { Plugin } from "obsidian";

export default class LifeBetterPlugin extends Plugin {
  override async onload(): Promise<void> {}
}
