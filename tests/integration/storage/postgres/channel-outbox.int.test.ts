import { createPostgresChannelDelivery, openPostgres, type PgPool } from "../../../../src/storage/postgres/index.js";
import { channelDeliveryContract, DELIVERY_TEST_RETENTION } from "../../../contracts/channel-delivery.contract.js";
import { postgresSchemas } from "../../../fakes/postgres-schemas.js";

const postgres = postgresSchemas("channel_outbox_test");

/** A fresh schema (search_path in the URL); `reopen` connects a second pool to it, as a restarted process would. */
channelDeliveryContract(
  "postgres",
  async () => {
    const url = await postgres.create();
    const pools: PgPool[] = [];
    const open = async () => {
      const pool = await openPostgres(url);
      pools.push(pool);
      return createPostgresChannelDelivery(pool, DELIVERY_TEST_RETENTION);
    };
    return { ...(await open()), reopen: open, close: async () => void (await Promise.all(pools.map((p) => p.end()))) };
  },
  postgres.skipReason,
);
