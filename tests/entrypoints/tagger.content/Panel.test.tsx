import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel } from '../../../entrypoints/tagger.content/Panel';
import { initialView, type TaggerActions } from '../../../lib/tagger/view';

afterEach(cleanup);

describe('the tagger panel', () => {
  it('is moved by its header: the drag starts with the whole panel', () => {
    const dragged: HTMLElement[] = [];
    const actions = {
      startDrag: (_e: PointerEvent, panel: HTMLElement) => dragged.push(panel),
    } as Partial<TaggerActions> as TaggerActions;
    render(
      <Panel view={{ ...initialView(true), phase: 'panel' }} actions={actions} hidden={false} />,
    );
    const panel = screen.getByTestId('tagger-panel');
    fireEvent.pointerDown(panel.querySelector('.panel-head')!);
    expect(dragged).toEqual([panel]);
  });
});
