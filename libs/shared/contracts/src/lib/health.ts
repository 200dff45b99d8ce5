export interface HealthResponse {
  status: 'ok' | 'error';
  checks: Record<string, 'up' | 'down'>;
}
