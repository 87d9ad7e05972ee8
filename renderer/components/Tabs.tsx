// A row of tabs as the WAI-ARIA tabs pattern has it: one tab stop (the selected tab), the arrow keys,
// Home and End move to another tab and select it, so a keyboard user switches tabs without Tab-ing
// through every one.
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

export interface TabsProps<Name extends string> {
  label: string;
  names: readonly Name[];
  selected: Name;
  onSelect: (name: Name) => void;
  /** Each tab's text. */
  text: (name: Name) => string;
  /** Id prefix: tab `name` is `${idPrefix}-tab-${name}` and controls `${idPrefix}-panel-${name}`. */
  idPrefix: string;
}

export function Tabs<Name extends string>({ label, names, selected, onSelect, text, idPrefix }: TabsProps<Name>) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = names.indexOf(selected);
    const next = event.key === 'ArrowRight' ? (at + 1) % names.length : event.key === 'ArrowLeft' ? (at - 1 + names.length) % names.length : event.key === 'Home' ? 0 : event.key === 'End' ? names.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    const name = names[next]!;
    onSelect(name);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(`${idPrefix}-tab-${name}`)}`)?.focus();
  };
  return (
    <div ref={list} className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {names.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${name}`}
          aria-selected={selected === name}
          // Only the selected tab's panel is in the page: the others control nothing yet.
          aria-controls={selected === name ? `${idPrefix}-panel-${name}` : undefined}
          tabIndex={selected === name ? 0 : -1}
          className="btn"
          onClick={() => onSelect(name)}
        >
          {text(name)}
        </button>
      ))}
    </div>
  );
}
