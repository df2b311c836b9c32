/** Inquirer is loaded on the first question: commands that never ask must not pay for it. */
const inquirer = () => import('@inquirer/prompts');

/** The questions the wizard can ask; tests answer them with a script, a terminal with Inquirer. */
export interface Prompter {
  text(question: { message: string; default?: string; validate?: (value: string) => string | undefined }): Promise<string>;
  choose<T extends string>(question: { message: string; choices: { value: T; label: string }[]; default?: T }): Promise<T>;
  confirm(question: { message: string; default: boolean }): Promise<boolean>;
}

export const terminalPrompter: Prompter = {
  text: async ({ message, default: value, validate }) =>
    (await inquirer()).input({ message, ...(value !== undefined ? { default: value } : {}), ...(validate ? { validate: (answer: string) => validate(answer) ?? true } : {}) }),
  choose: async ({ message, choices, default: value }) =>
    (await inquirer()).select({ message, choices: choices.map((choice) => ({ value: choice.value, name: choice.label })), ...(value !== undefined ? { default: value } : {}) }),
  confirm: async ({ message, default: value }) => (await inquirer()).confirm({ message, default: value }),
};

/** A prompter only where a person can answer: a terminal, no --non-interactive, `interactive` not false. */
export function promptIfTerminal(nonInteractive: boolean | undefined, interactive: boolean): Prompter | undefined {
  return process.stdin.isTTY && process.stdout.isTTY && !nonInteractive && interactive ? terminalPrompter : undefined;
}
