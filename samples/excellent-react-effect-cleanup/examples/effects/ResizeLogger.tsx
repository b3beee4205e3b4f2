import { useEffect } from "react";

export function ResizeLogger({ target }: { target: Element }) {
  useEffect(() => {
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        console.log(entry.contentRect.width, entry.contentRect.height);
      }
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [target]);
  return null;
}
