import type { Block } from '@medblog/shared';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { richBody } from '@/testing/fixtures';
import { BlocksRenderer } from './BlocksRenderer';

function renderBlocks(blocks: Block[]) {
  return render(
    <MemoryRouter>
      <BlocksRenderer blocks={blocks} />
    </MemoryRouter>,
  ).container;
}

const paragraph = (...children: Extract<Block, { type: 'paragraph' }>['children']): Block => ({
  type: 'paragraph',
  children,
});

describe('BlocksRenderer', () => {
  it('shows markup typed by an editor as text, never as HTML', () => {
    const container = renderBlocks([
      paragraph({ type: 'text', text: '<script>alert("x")</script><img src=x onerror=alert(1)>' }),
      { type: 'code', children: [{ type: 'text', text: '<b>not bold</b>' }] },
    ]);
    expect(screen.getByText('<script>alert("x")</script><img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.getByText('<b>not bold</b>')).toBeInTheDocument();
    expect(container.querySelector('script, img, b')).toBeNull();
  });

  it('renders every kind of block', () => {
    const container = renderBlocks(richBody);
    expect(screen.getByRole('heading', { level: 2, name: 'Before you apply' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Documents' })).toBeInTheDocument();
    expect(screen.getByText('official guide').tagName).toBe('STRONG');
    expect(container.querySelector('blockquote em')).toHaveTextContent(
      'Ask one more question than you think you should.',
    );
    expect(container.querySelector('pre code')?.textContent).toBe('Week 1: cardiology\nWeek 2: nephrology');
    expect(screen.getByRole('img', { name: 'A hospital ward at dawn' })).toHaveAttribute(
      'src',
      'http://cms.test/uploads/ward.jpg',
    );
    expect(screen.getByText('Morning rounds').tagName).toBe('FIGCAPTION');
    // Blank paragraphs (empty lines in the editor) leave no empty <p>.
    expect([...container.querySelectorAll('p')].filter((p) => p.textContent === '')).toHaveLength(0);
  });

  it('nests a sub-list inside the item it follows', () => {
    const container = renderBlocks(richBody);
    const nested = container.querySelector('ul > li > ol');
    expect(nested?.parentElement).toHaveTextContent(/^Transcripts/);
    expect([...nested!.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Certified copy',
      'Translation',
    ]);
  });

  it('opens other sites safely in a new tab and keeps links to this site in the app', () => {
    renderBlocks(richBody);
    const external = screen.getByRole('link', { name: /USMLE website/ });
    expect(external).toHaveAttribute('href', 'https://www.usmle.org/');
    expect(external).toHaveAttribute('rel', 'noopener noreferrer');
    expect(external).toHaveAttribute('target', '_blank');
    const internal = screen.getByRole('link', { name: 'Step 2 plan' });
    expect(internal).toHaveAttribute('href', '/articles/usmle-step-2-plan');
    expect(internal).not.toHaveAttribute('target');
  });

  it('does not make links of javascript: or data: URLs', () => {
    renderBlocks([
      paragraph({ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'click me' }] }),
      paragraph({
        type: 'link',
        url: 'data:text/html,<script>alert(1)</script>',
        children: [{ type: 'text', text: 'or me' }],
      }),
    ]);
    expect(screen.getByText('click me')).toBeInTheDocument();
    expect(screen.getByText('or me')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('makes the body’s top heading an <h2>, below the page title', () => {
    renderBlocks([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Overview' }] },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Details' }] },
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'Overview' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Details' })).toBeInTheDocument();
  });
});
