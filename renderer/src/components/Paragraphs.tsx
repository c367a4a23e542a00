/**
 * Catalogue texts are plain text with blank lines between paragraphs. They are shown
 * as text nodes, never as HTML: the catalogue comes from outside.
 */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <div className={className}>
      {paragraphs.map((p, i) => (
        <p key={i} className="text-pre-line">{p}</p>
      ))}
    </div>
  );
}
