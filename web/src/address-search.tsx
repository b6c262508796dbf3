// The one search box of the staff lists (customers, orders, contracts): what was searched for is kept in the address
// (`?q=`), so a reload or Back shows the same results; "show all" clears it and puts the cursor back in the box.

import { useRef, useState } from 'preact/hooks';
import { Field } from './fields.tsx';
import type { InputLimits } from './form-checks.ts';

function queryInAddress(): string {
  return (new URLSearchParams(location.search).get('q') ?? '').trim();
}

/** The active search (from `?q=`) and the way to change it, which also rewrites the address. */
export function useAddressQuery(): [string, (query: string) => void] {
  const [active, setActive] = useState(queryInAddress);
  const apply = (query: string) => {
    history.replaceState(history.state, '', query ? `${location.pathname}?q=${encodeURIComponent(query)}` : location.pathname);
    setActive(query);
  };
  return [active, apply];
}

export function SearchForm(props: {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  showAllLabel: string;
  /** The search now shown, from useAddressQuery. */
  active: string;
  onApply: (query: string) => void;
  /** What the typed (trimmed) query becomes before it is applied, e.g. upper case. */
  normalise?: (query: string) => string;
  /** A message when the query cannot be searched for (the box keeps focus and nothing is applied). */
  problemOf?: (query: string) => string | undefined;
  limits?: InputLimits;
}) {
  const [typed, setTyped] = useState(props.active);
  const [problem, setProblem] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  const apply = (query: string) => {
    setTyped(query);
    props.onApply(query);
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const query = (props.normalise ?? ((value: string) => value))(typed.trim());
    const found = query === '' ? undefined : props.problemOf?.(query);
    setProblem(found);
    if (found) {
      input.current?.focus();
      return;
    }
    apply(query);
  };
  const showAll = () => {
    setProblem(undefined);
    apply('');
    input.current?.focus();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the browsers we support; role="search" says the same.
    <form class="order-search" role="search" onSubmit={submit} noValidate>
      <Field
        id={props.id}
        label={props.label}
        hint={props.hint}
        autocomplete="off"
        value={typed}
        onInput={setTyped}
        inputRef={input}
        required={false}
        limits={props.limits ? { ...props.limits, required: false } : undefined}
        error={problem}
      />
      <button type="submit" class="button secondary">
        {props.submitLabel}
      </button>
      {props.active && (
        <button type="button" class="link-button" onClick={showAll}>
          {props.showAllLabel}
        </button>
      )}
    </form>
  );
}
