import type { EffectKind, HostedMachine } from '../engine/hosted-machine.ts';

/** The kind sent for every event that moved an order to another state (creation included). */
export const STATE_CHANGED = 'state.changed';

/**
 * How an effect notifies: as the version the order is at declares it, else as the newest version
 * that has the action (an order migrated between its commit and the fan-out), else as `effect.<action>`.
 */
export function effectKindOf(hosted: HostedMachine, action: string, machineVersion?: number): EffectKind {
  const pinned = hosted.versions.find((v) => v.version === machineVersion);
  const declared = pinned?.effects[action] ?? [...hosted.versions].reverse().find((v) => Object.hasOwn(v.effects, action))?.effects[action];
  return declared ?? { kind: `effect.${action}` };
}

/** Every notification kind a subscriber may choose from: state changes, and the effects of every version. */
export function notificationKinds(hosted: HostedMachine): string[] {
  const kinds = hosted.versions.flatMap((v) => Object.values(v.effects).map((e) => e.kind));
  return [...new Set([STATE_CHANGED, ...kinds])];
}

/** The effects, by action name, that are also e-mailed (in any version). */
export function emailedActions(hosted: HostedMachine): ReadonlySet<string> {
  return new Set(hosted.versions.flatMap((v) => Object.entries(v.effects).filter(([, e]) => e.email).map(([action]) => action)));
}
