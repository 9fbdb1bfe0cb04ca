import { normalizePath, type App } from "obsidian";
import type { ReflectionEnv } from "../../core/reflection/open-reflection";
import { readPeriodicConfigs, type ConfigReader } from "../../core/reflection/periodic-config";
import type { LifeBetterSettings } from "../../core/settings";
import type { NoteRepository } from "../../core/vault/repository";
import { obsidianFormat } from "./obsidian-moment";

/** Reads a file of the vault's config folder through the adapter (the vault API does not list it). */
export function configReader(app: App): ConfigReader {
  return async (path) => {
    const clean = normalizePath(path);
    return (await app.vault.adapter.exists(clean)) ? app.vault.adapter.read(clean) : null;
  };
}

/** What creating a reflection needs in the app: Daily notes / Periodic Notes settings read fresh each time. */
export async function obsidianReflectionEnv(app: App, repo: NoteRepository, settings: LifeBetterSettings): Promise<ReflectionEnv> {
  const configs = await readPeriodicConfigs(configReader(app), app.vault.configDir, settings);
  return { repo, settings, configs, format: obsidianFormat, now: new Date() };
}
