import sanitizeHtml from 'sanitize-html';

/**
 * The rich text Kengash stores (minutes notes, library entries): exactly what the web's Tiptap editor produces
 * (libs/web/shared/ui), nothing that runs or loads. Links keep http(s)/mailto only and never pass the opener.
 */
export const RICH_TEXT_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** Rich text reduced to the allowed tags and attributes. */
export const sanitizeRichText = (html: string) => sanitizeHtml(html, RICH_TEXT_HTML);

/** Text for HTML element content and double- or single-quoted attribute values. */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
