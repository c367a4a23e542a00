/** The back office, played over HTTP with the portal's operator account (as a comune's employee would). */
import axios from 'axios';
import type { Portal } from '../../portal/server';

export async function operator(portal: Portal) {
  const api = `${portal.url}/${portal.tenant}/api`;
  const { data } = await axios.post<{ token: string }>(`${api}/auth`, { username: 'operatore', password: 'operatore-demo' });
  const headers = { authorization: `Bearer ${data.token}` };
  return {
    transition: (id: string, action: string, body: unknown = {}) => axios.post(`${api}/applications/${id}/transition/${action}`, body, { headers }),
  };
}
