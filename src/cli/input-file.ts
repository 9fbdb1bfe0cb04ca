import { promises as fs } from "node:fs";
import { CliError } from "./cli-error";

/**
 * Checks an input file named on the command line before anything is read or written. A missing
 * file or a folder is a usage error (exit 2, as the README says); a file that exists but cannot be
 * read is a failure (exit 1). Returns its size in bytes.
 */
export async function checkInputFile(file: string | undefined, what: string): Promise<number> {
  if (!file) throw new CliError(`Missing FILE: the ${what} to import.`);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliError(`The file "${file}" does not exist: give the ${what} to import.`);
    throw new Error(`Could not read "${file}": ${(error as Error).message}`);
  }
  if (stat.isDirectory()) throw new CliError(`"${file}" is a folder, not a file: give the ${what} to import.`);
  return stat.size;
}

/** The text of an input file, after checkInputFile's checks. */
export async function readInputFile(file: string | undefined, what: string): Promise<string> {
  await checkInputFile(file, what);
  try {
    return await fs.readFile(file ?? "", "utf8");
  } catch (error) {
    throw new Error(`Could not read "${file}": ${(error as Error).message}`);
  }
}
