/** The PLP Studio mark (the same drawing as the app icon): a pathway of steps rising to a goal. */
import { useId } from 'react';

export function AppMark({ size = 36 }: { size?: number }) {
  const gradient = `plp-mark-${useId().replace(/:/g, '')}`;
  return (
    <svg width={size} height={size} viewBox="24 24 464 464" role="img" aria-label="PLP Studio" className="plp-mark" style={{ flexShrink: 0 }}>
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4c6ef5" />
          <stop offset="1" stopColor="#1c2f8f" />
        </linearGradient>
      </defs>
      <rect x="24" y="24" width="464" height="464" rx="104" fill={`url(#${gradient})`} />
      <path d="M136 352 C 200 352, 200 256, 256 256 S 312 160, 376 160" fill="none" stroke="#ffffff" strokeOpacity="0.55" strokeWidth="28" strokeLinecap="round" />
      <circle cx="136" cy="352" r="44" fill="#ffffff" />
      <circle cx="256" cy="256" r="44" fill="#ffffff" />
      <circle cx="376" cy="160" r="44" fill="#ffd43b" />
      <circle cx="136" cy="352" r="16" fill="#364fc7" />
      <circle cx="256" cy="256" r="16" fill="#364fc7" />
    </svg>
  );
}
