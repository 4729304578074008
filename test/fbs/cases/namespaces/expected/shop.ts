// @generated — do not edit. Produced by `a6kit gen` from shared.fbs, schema.fbs.
/* eslint-disable */

import type * as flatbuffers from 'flatbuffers';

// Namespace Shop.

/** Money in minor units of a currency. */
export class Money implements flatbuffers.IUnpackableObject<MoneyT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Money {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  amount(): bigint {
    return this.bb!.readInt64(this.bb_pos);
  }

  currency(index: number): number|null {
    return this.bb!.readUint8(this.bb_pos + 8 + index * 1);
  }

  static sizeOf(): number {
    return 16;
  }

  static createMoney(builder: flatbuffers.Builder, amount: bigint, currency: readonly number[]|null): flatbuffers.Offset {
    builder.prep(8, 16);
    builder.pad(5);
    for (let i = 2; i >= 0; i--) {
      builder.writeInt8((currency?.[i] ?? 0));
    }
    builder.writeInt64(amount);
    return builder.offset();
  }

  /** flatc object API: a mutable copy of this struct. */
  unpack(): MoneyT {
    return new MoneyT(
      this.amount(),
      Array.from({ length: 3 }, (_, i) => this.currency(i)!)
    );
  }

  unpackTo(_o: MoneyT): void {
    _o.amount = this.amount();
    _o.currency = Array.from({ length: 3 }, (_, i) => this.currency(i)!);
  }

  /** Copies the struct into a plain value. */
  static toValue(obj: Money): MoneyValue {
    return { amount: obj.amount(), currency: Array.from({ length: 3 }, (_, i) => obj.currency(i)!) };
  }

  /** Writes `value` inline at the builder's position (inside a table or a vector being built). */
  static pack(builder: flatbuffers.Builder, value: MoneyValue): flatbuffers.Offset {
    return Money.createMoney(builder, value.amount, value.currency);
  }
}

/** flatc object API: mutable object form of {@link Money}. */
export class MoneyT implements flatbuffers.IGeneratedObject {
  constructor(
    public amount: bigint = 0n,
    public currency: (number)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    return Money.createMoney(builder, this.amount, this.currency);
  }
}

/** Plain, read-only form of {@link Money} (see `Money.toValue`). */
export interface MoneyValue {
  readonly amount: bigint;
  readonly currency: readonly number[];
}
