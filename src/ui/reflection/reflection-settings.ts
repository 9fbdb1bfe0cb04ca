import { normalizePath, type Setting } from "obsidian";
import { promptsFromText, promptsProblem, promptsToText } from "../../core/reflection/prompts";
import { isReminderTime, type Habit, type LifeBetterSettings } from "../../core/settings";

interface ReflectionSettingsHost {
  settings: LifeBetterSettings;
  saveSettings(): Promise<void>;
  /** Why saved prompts were ignored when the settings were loaded (shown until the prompts are saved again). */
  ignoredPrompts?: string[];
}

export const REFLECTIONS_HEADING = "Reflections";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

type Row = { name: string; desc: string; render: (setting: Setting) => void };

/** A line "Name, days a week" (days 1–7, 7 when left out); null with the reason when it cannot be read. */
export function parseHabits(text: string): { habits: Habit[]; problem: string | null } {
  const habits: Habit[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")) {
    const comma = line.lastIndexOf(",");
    const name = (comma > 0 ? line.slice(0, comma) : line).trim();
    const days = comma > 0 ? Number(line.slice(comma + 1).trim()) : 7;
    if (!Number.isInteger(days) || days < 1 || days > 7) return { habits, problem: `"${line}": the days a week must be a whole number from 1 to 7.` };
    if (habits.some((habit) => habit.name.toLowerCase() === name.toLowerCase())) return { habits, problem: `"${name}" is listed twice.` };
    habits.push({ name, targetPerWeek: days });
  }
  return { habits, problem: null };
}

function showProblem(setting: Setting, problem: string | null, desc: string): void {
  setting.descEl.setText(problem ?? desc);
  setting.settingEl.toggleClass("lifebetter-invalid", problem !== null);
}

/** The reflection rows, shared by both ways the settings tab renders. A value that cannot be used is not saved and says why. */
export function reflectionSettingRows(host: ReflectionSettingsHost): Row[] {
  const save = (): void => void host.saveSettings();
  const promptsDesc = "One prompt a line, as Heading = property. Answers under the heading are kept in step with the list property.";
  const timeDesc = "When to remind you while Obsidian is open, as HH:mm (24-hour). Leave empty for no reminder.";
  const habitsDesc = "One habit a line, as Name, days a week (such as Run, 3). They become checkboxes in the daily reflection.";
  return [
    {
      name: "Write into the daily note",
      desc: "On: the reflection's properties and sections go into the daily (weekly, monthly) note. Off: its own note beside it, linked from the daily note.",
      render: (setting) => {
        setting.addToggle((toggle) => {
          toggle.toggleEl.setAttribute("aria-label", "Write into the daily note");
          toggle.setValue(host.settings.reflectionInPeriodicNote).onChange((on) => {
            host.settings.reflectionInPeriodicNote = on;
            save();
          });
        });
      },
    },
    {
      name: "Reflection prompts",
      desc: promptsDesc,
      render: (setting) => {
        setting.addTextArea((text) => {
          text.inputEl.rows = 7;
          text.inputEl.setAttribute("aria-label", "Reflection prompts");
          text.setValue(promptsToText(host.settings.reflectionPrompts));
          if (host.ignoredPrompts && host.ignoredPrompts.length > 0) showProblem(setting, host.ignoredPrompts.join(" "), promptsDesc);
          text.inputEl.addEventListener("input", () => {
            const prompts = promptsFromText(text.inputEl.value);
            const problem = prompts.length === 0 ? "Write at least one prompt." : promptsProblem(prompts);
            showProblem(setting, problem, promptsDesc);
            if (problem !== null) return;
            host.settings.reflectionPrompts = prompts;
            host.ignoredPrompts = [];
            save();
          });
        });
      },
    },
    {
      name: "Reflection template",
      desc: "A note to start each reflection from instead of the prompts (Templater syntax is left for Templater). Leave empty to use the prompts.",
      render: (setting) => {
        setting.addText((text) => {
          text.inputEl.setAttribute("aria-label", "Reflection template");
          text.setPlaceholder("Templates/reflection").setValue(host.settings.reflectionTemplate);
          text.inputEl.addEventListener("input", () => {
            const value = text.inputEl.value.trim();
            host.settings.reflectionTemplate = value === "" ? "" : normalizePath(value);
            save();
          });
        });
      },
    },
    {
      name: "Reminder time",
      desc: timeDesc,
      render: (setting) => {
        setting.addText((text) => {
          text.inputEl.setAttribute("aria-label", "Reminder time");
          text.setPlaceholder("21:00").setValue(host.settings.reflectionTime);
          text.inputEl.addEventListener("input", () => {
            const value = text.inputEl.value.trim();
            const ok = isReminderTime(value);
            showProblem(setting, ok ? null : `"${value}" is not a time like 21:00.`, timeDesc);
            if (!ok) return;
            host.settings.reflectionTime = value;
            save();
          });
        });
      },
    },
    {
      name: "Weekly reflection day",
      desc: "The day the weekly reflection is due (weeks run Monday to Sunday). The monthly one is due on the month's last day.",
      render: (setting) => {
        setting.addDropdown((dropdown) => {
          dropdown.selectEl.setAttribute("aria-label", "Weekly reflection day");
          WEEKDAYS.forEach((day, index) => {
            dropdown.addOption(String(index), day);
          });
          dropdown.setValue(String(host.settings.weeklyReflectionDay)).onChange((value) => {
            host.settings.weeklyReflectionDay = Number(value);
            save();
          });
        });
      },
    },
    {
      name: "Habits",
      desc: habitsDesc,
      render: (setting) => {
        setting.addTextArea((text) => {
          text.inputEl.rows = 4;
          text.inputEl.setAttribute("aria-label", "Habits");
          text.setPlaceholder("Run, 3");
          text.setValue(host.settings.habits.map((habit) => `${habit.name}, ${habit.targetPerWeek}`).join("\n"));
          text.inputEl.addEventListener("input", () => {
            const { habits, problem } = parseHabits(text.inputEl.value);
            showProblem(setting, problem, habitsDesc);
            if (problem !== null) return;
            host.settings.habits = habits;
            save();
          });
        });
      },
    },
  ];
}
