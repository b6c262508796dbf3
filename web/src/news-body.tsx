// A news item's text as the customer reads it: plain text whose blank lines part paragraphs and whose "- " lines are
// list items. Every piece is a text node: whatever the text holds (<script>, markup), it is shown, never run.

import type { VNode } from 'preact';

export function NewsBody(props: { text: string }): VNode {
  const blocks = props.text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <div class="news-body">
      {blocks.map((block, index) => {
        const lines = block.split('\n');
        if (lines.every((line) => line.trimStart().startsWith('- '))) {
          return (
            <ul key={index}>
              {lines.map((line, item) => (
                <li key={item}>{line.trimStart().slice(2)}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={index}>
            {lines.map((line, item) => (
              <span key={item}>
                {item > 0 && <br />}
                {line}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
