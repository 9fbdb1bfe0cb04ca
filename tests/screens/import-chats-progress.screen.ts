/** The progress notice of "Import AI conversations", 45 MB into a 100 MB export, in the notice stack. */
import { chatProgressContent } from "../../src/ui/chats/chat-import";

export function render(root: HTMLElement): Promise<void> {
  const notice = root.createDiv({ cls: "notice-container" }).createDiv({ cls: "notice" });
  const update = chatProgressContent(notice, "conversations.json", () => undefined);
  update(45 * 1024 * 1024, 100 * 1024 * 1024);
  return Promise.resolve();
}
