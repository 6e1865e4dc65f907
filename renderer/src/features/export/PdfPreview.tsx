/**
 * The preview: the very PDF that Export writes, drawn page by page with pdf.js. Showing the
 * exported bytes (not an HTML imitation) is what makes "what you see is what the manager gets"
 * true. Each page's text is also in the DOM, visually hidden, for screen readers and search.
 *
 * pdf.js is loaded on first use, so the studio starts as fast as before.
 */
import { Alert, Box, Loader, Stack, Text } from '@mantine/core';
import type * as PdfJsModule from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';

type PdfJs = typeof PdfJsModule;
let pdfjsLoading: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = (worker as { default: string }).default;
    return pdfjs;
  });
  return pdfjsLoading;
}

function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

interface RenderedPage {
  url: string;
  width: number;
  height: number;
  text: string;
}

/** Pages rendered at 2× the shown width for sharp text; kept as PNG object URLs. */
const RENDER_SCALE = 2;

export function PdfPreview({ pdfBase64, title }: { pdfBase64: string; title: string }) {
  const [pages, setPages] = useState<RenderedPage[] | null>(null);
  const [failure, setFailure] = useState<{ pdf: string; message: string } | null>(null);
  const error = failure?.pdf === pdfBase64 ? failure.message : null;
  const urls = useRef<string[]>([]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const pdfjs = await loadPdfJs();
        const task = pdfjs.getDocument({ data: decodeBase64(pdfBase64), isEvalSupported: false });
        const pdf = await task.promise;
        const rendered: RenderedPage[] = [];
        for (let number = 1; number <= pdf.numPages && !cancelled; number++) {
          const page = await pdf.getPage(number);
          const viewport = page.getViewport({ scale: RENDER_SCALE });
          const canvas = document.createElement('canvas');
          canvas.width = Math.ceil(viewport.width);
          canvas.height = Math.ceil(viewport.height);
          await page.render({ canvas, viewport }).promise;
          const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
          const content = await page.getTextContent();
          const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
          if (blob) rendered.push({ url: URL.createObjectURL(blob), width: viewport.width / RENDER_SCALE, height: viewport.height / RENDER_SCALE, text });
        }
        await task.destroy();
        if (cancelled) {
          for (const page of rendered) URL.revokeObjectURL(page.url);
          return;
        }
        for (const url of urls.current) URL.revokeObjectURL(url);
        urls.current = rendered.map((page) => page.url);
        setPages(rendered);
      } catch (problem) {
        if (!cancelled) setFailure({ pdf: pdfBase64, message: problem instanceof Error ? problem.message : String(problem) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [pdfBase64]);

  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  if (error) {
    return (
      <Alert color="red" title="The preview could not be drawn" data-testid="preview-error">
        {error}
      </Alert>
    );
  }
  if (!pages) {
    return (
      <Stack align="center" py="xl" data-testid="preview-loading">
        <Loader />
        <Text size="sm" c="dimmed">
          Drawing the pages…
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" align="center" className="plp-preview-pages" data-testid="preview-pages" data-page-count={pages.length}>
      {pages.map((page, index) => (
        <Box key={page.url} component="figure" className="plp-preview-page" data-testid="preview-page" m={0}>
          <img src={page.url} alt={`${title}, page ${index + 1} of ${pages.length}`} width={page.width} height={page.height} />
          <figcaption className="plp-visually-hidden" data-testid="preview-page-text">
            {page.text}
          </figcaption>
        </Box>
      ))}
    </Stack>
  );
}
