/**
 * The AI conversation import on a ~100 MB ChatGPT-shaped export, through the CLI command: generates
 * the export in a temp folder (never committed), imports it into an empty temp vault, and prints the
 * file size, wall time, peak heap (sampled while it runs) and the notes it created; then imports the
 * same file again, which must create nothing. `--format=claude-code` writes one Claude Code session
 * transcript (JSON lines: prompts, replies, tool calls with long results) of that size instead.
 */
import { createWriteStream, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { once } from "node:events";
import { runCli } from "../../src/cli/run-cli";
import { chatGptConversation, type FakeMessage } from "../support/chat-exports";
import { seededRandom } from "../support/seeded-random";
import { round, timed } from "./measure";

const targetMb = Number(process.argv.find((arg) => arg.startsWith("--mb="))?.slice(5) ?? 100);
const format = process.argv.find((arg) => arg.startsWith("--format="))?.slice(9) ?? "chatgpt";
const WORDS = "cache build deploy test sleep focus queue index retry timeout memory thread lock schema parser render budget review habit plan".split(" ");

function sentence(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
}

/** A conversation of 40 messages: short user turns (one in four a question), long answers. */
function conversation(index: number, random: () => number): Record<string, unknown> {
  const messages: FakeMessage[] = [];
  for (let turn = 0; turn < 20; turn++) {
    const ask = turn % 4 === 0;
    messages.push({ role: "user", text: ask ? `How do I ${sentence(random, 8)}?` : `Thanks. ${sentence(random, 20)}.` });
    messages.push({ role: "assistant", text: Array.from({ length: 6 }, () => sentence(random, 110) + ".").join("\n\n") });
  }
  return chatGptConversation(`bench-${index}`, `Bench ${index}: ${sentence(random, 4)}`, messages, { branch: index % 10 === 0 });
}

async function writeExport(file: string): Promise<{ bytes: number; conversations: number }> {
  const random = seededRandom(11);
  const out = createWriteStream(file);
  let bytes = 0;
  let count = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write("[");
  while (bytes < targetMb * 1024 * 1024) {
    await write((count > 0 ? "," : "") + JSON.stringify(conversation(count, random)));
    count++;
  }
  await write("]");
  out.end();
  await once(out, "finish");
  return { bytes, conversations: count };
}

/** One session transcript: a prompt (one in four a question), a reply that reads a file (a long result) and says what it found. */
async function writeTranscript(file: string): Promise<{ bytes: number; conversations: number }> {
  const random = seededRandom(12);
  const out = createWriteStream(file);
  let bytes = 0;
  let parent: string | null = null;
  let n = 0;
  const line = async (fields: Record<string, unknown>): Promise<void> => {
    const uuid = `bench-${n++}`;
    const text =
      JSON.stringify({
        parentUuid: parent,
        isSidechain: false,
        sessionId: "bench-session",
        timestamp: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
        uuid,
        ...fields,
      }) + "\n";
    parent = uuid;
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  for (let turn = 0; bytes < targetMb * 1024 * 1024; turn++) {
    await line({ type: "user", message: { role: "user", content: turn % 4 === 0 ? `How do I ${sentence(random, 8)}?` : `Now ${sentence(random, 12)}.` } });
    await line({ type: "assistant", message: { role: "assistant", content: [{ type: "text", text: sentence(random, 40) }] } });
    await line({
      type: "assistant",
      message: { role: "assistant", content: [{ type: "tool_use", id: `t${turn}`, name: "Read", input: { file_path: `/src/${sentence(random, 1)}.ts` } }] },
    });
    await line({ type: "user", message: { role: "user", content: [{ type: "tool_result", tool_use_id: `t${turn}`, content: sentence(random, 1500) }] } });
    await line({ type: "assistant", message: { role: "assistant", content: [{ type: "text", text: sentence(random, 80) }] } });
  }
  out.end();
  await once(out, "finish");
  return { bytes, conversations: 1 };
}

async function countNotes(root: string): Promise<number> {
  let n = 0;
  for (const entry of await fs.readdir(root, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith(".md")) n++;
  return n;
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-chat-bench-"));
  try {
    const file = path.join(dir, format === "claude-code" ? "session.jsonl" : "conversations.json");
    const vault = path.join(dir, "vault");
    await fs.mkdir(vault);
    const generated = await timed(() => (format === "claude-code" ? writeTranscript(file) : writeExport(file)));
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
    let out = "";
    const first = await timed(() =>
      runCli(["import-chats", "--vault", vault, file, "--json"], { out: (text) => void (out += text), err: (text) => void process.stderr.write(text) }),
    );
    clearInterval(sampler);
    const report = JSON.parse(out) as { conversations: { created: number }; questions: number; stopped: string | null };
    const notes = await countNotes(vault);
    let again = "";
    const second = await timed(() => runCli(["import-chats", "--vault", vault, file, "--json"], { out: (text) => void (again += text), err: () => undefined }));
    const rerun = JSON.parse(again) as { conversations: { created: number; alreadyImported: number }; questions: number };
    console.log(
      JSON.stringify(
        {
          format,
          fileMB: round(generated.value.bytes / 1024 / 1024, 1),
          conversations: generated.value.conversations,
          generateSeconds: round(generated.ms / 1000, 1),
          exitCode: first.value,
          importSeconds: round(first.ms / 1000, 1),
          mbPerSecond: round(generated.value.bytes / 1024 / 1024 / (first.ms / 1000), 2),
          peakHeapMB: round(peak / 1024 / 1024, 1),
          conversationNotes: report.conversations.created,
          questionNotes: report.questions,
          notesOnDisk: notes,
          stopped: report.stopped,
          reimportSeconds: round(second.ms / 1000, 1),
          reimportCreated: rerun.conversations.created + rerun.questions,
          reimportAlreadyImported: rerun.conversations.alreadyImported,
        },
        null,
        2,
      ),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
