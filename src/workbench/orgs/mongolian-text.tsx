/** Traditional Mongolian, written top to bottom with columns left to right, as the script is read. */
export function MongolianText({ text }: { text: string }) {
  return (
    <span lang="mn-Mong" className="wb-mongolian">
      {text}
    </span>
  );
}
