import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../../../shared/contract';
import type { AttacheBridge } from './transport';
import type { AnswerVersions } from './versions';

export interface Connection {
  api: Api;
  shell: 'electron' | 'web';
  bridge?: AttacheBridge;
  /** The data versions the answers named (the first screen is handed over only when they agree). */
  versions?: AnswerVersions;
}

const ConnectionContext = createContext<Connection | null>(null);

export function ConnectionProvider({ value, children }: { value: Connection; children: ReactNode }) {
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): Connection {
  const c = useContext(ConnectionContext);
  if (!c) throw new Error('useConnection outside ConnectionProvider');
  return c;
}

export const useApi = (): Api => useConnection().api;
