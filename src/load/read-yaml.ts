// Reads a YAML file the quick way when it is plain block YAML, and with the full `yaml` parser
// (loaded only then) when it is not — or when it is broken, so that errors keep their lines.
import { readTextFile } from './read-text.js';
import { parseSimpleYaml, PATH_SEP } from './yaml-fast.js';
import type { YamlFile } from './yaml-lines.js';

export async function readYaml(file: string, what: string): Promise<YamlFile> {
  return parseYaml(file, readTextFile(file, what), what);
}

/** The same for text that came from elsewhere (a git blob); `file` names it in messages. */
export async function parseYaml(file: string, text: string, what: string): Promise<YamlFile> {
  const fast = parseSimpleYaml(text);
  if (fast && Object.keys(fast.data).length > 0) {
    return {
      file,
      text,
      data: fast.data,
      lineOf: (path) => {
        // the deepest recorded prefix of the path
        for (let n = path.length; n > 0; n--) {
          const line = fast.lines.get(path.slice(0, n).join(PATH_SEP));
          if (line !== undefined) return line;
        }
        return 1;
      },
    };
  }
  const { parseYamlText } = await import('./yaml-file.js');
  return parseYamlText(file, text, what);
}
