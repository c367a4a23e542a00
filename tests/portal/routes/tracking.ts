/**
 * `GET /{tenant}/{_locale}/track-message.gif?id=<messageId>` (src/Controller/Ui/Frontend/TrackingController.php,
 * trackMessageEmailAction; the `app` routes of config/routes/annotations.yaml put the prefix and the
 * locale before it): the pixel the portal's own message page (templates/Message/message.html.twig)
 * and its mails (MessageManager::dispatchMailForMessage) load for a message the viewer did not
 * write. The path is in the `main` firewall (anonymous) and in no access_control entry of
 * config/packages/security.yaml, so nobody logs in. A known message without a read time gets
 * `read_at` = now (epoch seconds); one already read keeps its time; an unknown or missing id
 * changes nothing. Always 200 with the 1x1 GIF of src/Http/TransparentPixelResponse.php
 * (`image/gif`, private, no-cache, must-revalidate).
 */
import { epochNow, findMessage } from '../messages-model';
import type { RouteModule } from '../router';

const PIXEL = Buffer.from('R0lGODlhAQABAJAAAP8AAAAAACH5BAUQAAAALAAAAAABAAEAAAICBAEAOw==', 'base64');

export const trackingRoutes: RouteModule = (ctx) => [
  {
    method: 'GET',
    path: '/{tenant}/{locale}/track-message.gif',
    access: 'public',
    handle(req) {
      const id = req.query.get('id');
      const message = id ? findMessage(ctx, id) : undefined;
      if (message && !message.read_at) ctx.db.prepare('UPDATE messages SET read_at = ? WHERE id = ?').run(epochNow(ctx), message.id);
      return { status: 200, body: PIXEL, headers: { 'content-type': 'image/gif', 'cache-control': 'must-revalidate, no-cache, private' } };
    },
  },
];
