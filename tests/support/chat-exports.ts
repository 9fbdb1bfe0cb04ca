/**
 * Made-up ChatGPT and Claude exports in the shapes the platforms write (`conversations.json`), for
 * the chat import tests and the benchmark.
 */

export interface FakeMessage {
  role: "user" | "assistant";
  text: string;
}

const EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;

/**
 * A ChatGPT conversation: a root node, a hidden system message, then the thread. With `branch`, an
 * abandoned edit hangs off the first user message, so only `current_node` tells the main thread.
 */
export function chatGptConversation(id: string, title: string, messages: FakeMessage[], options: { branch?: boolean } = {}): Record<string, unknown> {
  const mapping: Record<string, unknown> = {};
  const root = `${id}-root`;
  mapping[root] = { id: root, message: null, parent: null, children: [] };
  const system = `${id}-sys`;
  mapping[system] = {
    id: system,
    message: {
      id: system,
      author: { role: "system" },
      create_time: null,
      content: { content_type: "text", parts: [""] },
      metadata: { is_visually_hidden_from_conversation: true },
    },
    parent: root,
    children: [],
  };
  (mapping[root] as { children: string[] }).children.push(system);
  let parent = system;
  messages.forEach((message, index) => {
    const nodeId = `${id}-m${index}`;
    mapping[nodeId] = {
      id: nodeId,
      message: {
        id: nodeId,
        author: { role: message.role, name: null, metadata: {} },
        create_time: EPOCH + index * 60,
        content: { content_type: "text", parts: [message.text] },
        status: "finished_successfully",
        metadata: {},
      },
      parent,
      children: [],
    };
    (mapping[parent] as { children: string[] }).children.push(nodeId);
    if (options.branch && index === 0) {
      const abandoned = `${id}-abandoned`;
      mapping[abandoned] = {
        id: abandoned,
        message: {
          id: abandoned,
          author: { role: "user" },
          create_time: EPOCH + 1,
          content: { content_type: "text", parts: ["An edit I abandoned?"] },
          metadata: {},
        },
        parent: nodeId,
        children: [],
      };
      (mapping[nodeId] as { children: string[] }).children.unshift(abandoned);
    }
    parent = nodeId;
  });
  return {
    title,
    create_time: EPOCH,
    update_time: EPOCH + messages.length * 60,
    mapping,
    moderation_results: [],
    current_node: parent,
    conversation_id: id,
    id,
  };
}

export function claudeConversation(uuid: string, name: string, messages: FakeMessage[]): Record<string, unknown> {
  const at = (index: number): string => new Date((EPOCH + index * 60) * 1000).toISOString();
  return {
    uuid,
    name,
    created_at: at(0),
    updated_at: at(messages.length),
    account: { uuid: "acc" },
    chat_messages: messages.map((message, index) => ({
      uuid: `${uuid}-m${index}`,
      text: message.text,
      content: [{ type: "text", text: message.text }],
      sender: message.role === "user" ? "human" : "assistant",
      created_at: at(index),
      updated_at: at(index),
      attachments: [],
      files: [],
    })),
  };
}

/** A dialogue of `count` messages, alternating a question and an answer. */
export function dialogue(count: number, topic = "caching"): FakeMessage[] {
  return Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? { role: "user" as const, text: `How do I fix the ${topic} problem, step ${index / 2 + 1}?` }
      : { role: "assistant" as const, text: `Try this for ${topic}:\n\n- check the config\n- restart the server\n\n\`\`\`ts\nconst step = ${index};\n\`\`\`` },
  );
}

/** The chunks of a text as bytes, cut at the given sizes (which may split a multi-byte character). */
export async function* byteChunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let offset = 0; offset < bytes.length; offset += size) {
    await Promise.resolve();
    yield bytes.subarray(offset, offset + size);
  }
}
