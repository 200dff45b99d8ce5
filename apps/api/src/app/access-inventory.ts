import { CAN_METADATA } from '@kengash/api-core';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { GATEWAY_OPTIONS, MESSAGE_MAPPING_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';

export interface AccessInventory {
  routes: { method: string; path: string; action: string | null }[];
  events: { namespace: string; event: string; action: string | null }[];
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/**
 * Every REST route and Socket.IO event the application registers, with the action each declares
 * (`@Can`). The authorization matrix test compares this list with its own table.
 */
export function accessInventory(app: INestApplication, globalPrefix: string): AccessInventory {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const inventory: AccessInventory = { routes: [], events: [] };

  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base = Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined;
    const classAction = Reflect.getMetadata(CAN_METADATA, metatype) as string | undefined;
    const prototype = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const action = (Reflect.getMetadata(CAN_METADATA, handler) as string | undefined) ?? classAction ?? null;
      for (const b of [base ?? ''].flat()) {
        for (const p of [path].flat()) {
          inventory.routes.push({ method: RequestMethod[method], path: join(globalPrefix, b, p), action });
        }
      }
    }
  }

  for (const wrapper of discovery.getProviders()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype || !Reflect.getMetadata('websockets:is_gateway', metatype)) continue;
    const options = (Reflect.getMetadata(GATEWAY_OPTIONS, metatype) ?? {}) as { namespace?: string };
    const prototype = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, handler)) continue;
      inventory.events.push({
        namespace: options.namespace ?? '/',
        event: Reflect.getMetadata(MESSAGE_METADATA, handler) as string,
        action: (Reflect.getMetadata(CAN_METADATA, handler) as string | undefined) ?? null,
      });
    }
  }
  inventory.routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
  return inventory;
}
