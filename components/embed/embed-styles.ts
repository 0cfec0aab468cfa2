/** The widget's CSS, inlined into its page: one request fewer on a phone on weak data. */
export const EMBED_CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
html,body{margin:0;padding:0;background:transparent}
body{font:16px/1.4 "Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
.snw{--text:#0b0c0c;--muted:#505a5f;--bg:#fff;--border:#b1b4b6;--link:#1d70b8;--ok:#00703c;--disrupted:#a34f00;--closed:#c4271b;--focus:#fd0;
  color:var(--text);background:var(--bg);border:1px solid var(--border);padding:.75rem 1rem;margin:0}
.snw--dark{--text:#fff;--muted:#c8cdd0;--bg:#0b0c0c;--border:#6f777b;--link:#8fc6f2;--ok:#6fdc9a;--disrupted:#ffb45c;--closed:#ff8a80;color-scheme:dark}
.snw a{color:var(--link)}
.snw a:focus-visible{outline:3px solid var(--focus);outline-offset:0;background:var(--focus);color:#0b0c0c}
.snw__header{margin-bottom:.5rem}
.snw__title{font-size:1.15rem;margin:0}
.snw__meta{margin:.15rem 0 0;color:var(--muted);font-size:.9rem}
.snw__summary,.snw__list{list-style:none;margin:0;padding:0}
.snw__connection--live{color:var(--ok);font-weight:700}.snw__connection--reconnecting{color:var(--disrupted);font-weight:700}.snw__connection--outdated{color:var(--closed);font-weight:700}
.snw__layer{padding:.4rem 0;border-top:1px solid var(--border)}
.snw__layer-name{font-size:1rem;margin:0}
.snw__sentence{margin:.1rem 0;font-weight:700}
.snw__counts{margin:0;font-size:.9rem;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.snw__count--closed{color:var(--closed)}.snw__count--disrupted{color:var(--disrupted)}.snw__count--ok{color:var(--ok)}
.snw__item{padding:.4rem 0;border-top:1px solid var(--border)}
.snw__name{font-weight:700}
.snw__status{font-weight:700;white-space:nowrap}
.snw__status--ok{color:var(--ok)}.snw__status--disrupted{color:var(--disrupted)}.snw__status--closed{color:var(--closed)}
.snw__message{display:block;white-space:pre-line}
.snw__until{display:block;color:var(--muted);font-size:.9rem}
.snw__more,.snw__empty{margin:.5rem 0 0}
.snw__map{height:260px;margin:.25rem 0 .5rem;border:1px solid var(--border);background:#eef2f3}
.snw__sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;margin:-1px}
.snw__footer{margin-top:.5rem;font-size:.8rem;color:var(--muted)}
.snw__error{margin:0;padding:1rem;font:16px/1.4 sans-serif}
`;
