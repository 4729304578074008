/** Protocol mode of `a6kit gen`: .fbs -> TypeScript codecs (and `--compat`). */
export interface GenProtocolOptions {
  proto?: string;
  out?: string;
  compat?: string;
  check?: boolean;
}

export async function genProtocol(_o: GenProtocolOptions): Promise<number> {
  throw new Error('gen --proto: not implemented yet');
}
