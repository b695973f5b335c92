import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

interface Props {
  text: string;
  size: number;
  alt: string;
  className?: string;
}

/** A QR code drawn locally (no network): error correction M, a quiet zone so phones read it from paper. */
export function QrImage({ text, size, alt, className }: Props) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size * 2, color: { dark: '#000000', light: '#ffffff' } })
      .then((url) => {
        if (alive) setSrc(url);
      })
      .catch(() => {
        if (alive) setSrc(null);
      });
    return () => {
      alive = false;
    };
  }, [text, size]);
  return src ? (
    <img className={className} src={src} width={size} height={size} alt={alt} data-qr-text={text} />
  ) : (
    <span className={className} style={{ width: size, height: size, display: 'inline-block' }} />
  );
}
