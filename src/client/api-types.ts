// Generated from the service's OpenAPI document by openapi-typescript: do not edit.
// Regenerate with `npm run client:types` after changing a route, a schema or the machine.
export type paths = {
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders by state, by next deadline (the at-risk list), or by list flag
         * @description Ordered by id; with deadlineBefore, by next deadline. The filters combine (all must hold). The list flags (`supplierRefundOwed`) take true or false; any other value, or an unknown parameter, is a 422 problem.
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Create an order
         * @description Creates an order on the newest machine version. The same id with the same body again answers 200 with the order; with another body, 409.
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order: state, money, deadlines, problem, accepted events
         * @description Bounded however many events the order has taken: each list that grows with events (`suppliers`, `supplier-refunds-owed`, `supplier-refunds-settled`, `refunds`, `shipments`, `claims`, `claims/{claim}/evidence`, `claim/evidence`) shows its most recent 20 entries (the current supplier and those still owing a refund first) and its total beside it (`suppliersTotal`, …); `GET /orders/{id}/<list>` pages through each. Event answers show the same view.
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply an event, or try it (dryRun=true)
         * @description Applies one client event: `type` names it, `payload` carries its fields (each type has its own schema). An event the order does not take now answers 409 with the events it takes.
         *
         *     With `?dryRun=true` nothing is applied or written (no history, timers, outbox, idempotency record or version change): the answer (DryRun) is the order view, the notifications and the deadlines the event would produce, and a refusal is the same problem the event would get.
         */
        post: operations["sendEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The applied events, in order, a page at a time
         * @description Oldest first, up to `limit` entries (default and most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.
         */
        get: operations["getOrderHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow an order live (server-sent events)
         * @description `ready` first ({ orderId, version, state }), then one `change` per commit ({ orderId, version, type, fromState, toState, source }) from any client or the timer sweeper, and a comment line as keep-alive. Read the order for the rest. Follows the commits of the instance you are connected to.
         */
        get: operations["streamOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every entry of the order's `suppliers`, a page at a time
         * @description Every supplier of the order, the first first: the current one is `active`; a replaced one owes the refund of the original order until settled (R1, R4, R15). The order view shows the most recent 20 of them and their total; this pages through them all, in the view's order, up to `limit` entries (default 100, most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.
         */
        get: operations["getOrderSuppliers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/supplier-refunds-owed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every entry of the order's `supplierRefunds.owed`, a page at a time
         * @description The refunds of the original order that replaced suppliers still owe the seller (R15), the oldest switch first. The order view shows the most recent 20 of them and their total; this pages through them all, in the view's order, up to `limit` entries (default 100, most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.
         */
        get: operations["getOrderSupplierRefundsOwed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/supplier-refunds-settled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every entry of the order's `supplierRefunds.settled`, a page at a time
         * @description The refunds replaced suppliers paid back (SUPPLIER_REFUNDED), oldest first. The order view shows the most recent 20 of them and their total; this pages through them all, in the view's order, up to `limit` entries (default 100, most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.
         */
        get: operations["getOrderSupplierRefundsSettled"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every entry of the order's `money.refunds`, a page at a time
         * @description The refunds paid to the buyer (REFUND_ISSUED), oldest first. The order view shows the most recent 20 of them and their total; this pages through them all, in the view's order, up to `limit` entries (default 100, most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.
         */
        get: operations["getOrderRefunds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every entry of the order's `shipments`, a page at a time
         * @description Every parcel, the original shipment first, then reships; lostAt set when the carrier lost it. The order view shows the most recent 20 of them and their total; this pages through them all, in the view's order, up to `limit` entries (default 100, most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.
         */
        get: operations["getOrderShipments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every entry of the order's `claims`, a page at a time
         * @description Every claim of the order, oldest first; only the last may be open (`claim` is the latest). The order view shows the most recent 20 of them and their total; this pages through them all, in the view's order, up to `limit` entries (default 100, most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.
         */
        get: operations["getOrderClaims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/claims/{claim}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every entry of the order's `claims.*.evidence`, a page at a time
         * @description The evidence of one claim (by its position in `claims`, from 0), oldest first. The order view shows the most recent 20 of them and their total; this pages through them all, in the view's order, up to `limit` entries (default 100, most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.
         */
        get: operations["getOrderClaimsEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/claim/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every entry of the order's `claim.evidence`, a page at a time
         * @description The evidence of the latest claim (`claim`), oldest first. The order view shows the most recent 20 of them and their total; this pages through them all, in the view's order, up to `limit` entries (default 100, most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.
         */
        get: operations["getOrderClaimEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook subscriptions (without secrets) */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Subscribe a URL to notifications (signed as Standard Webhooks)
         * @description Every notification of the chosen kinds is POSTed to the URL with webhook-id, webhook-timestamp and webhook-signature headers (see the webhooks of this document). The secret is answered only here.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook subscription */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Unsubscribe; deliveries still pending to it are dead-lettered */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's deliveries, newest first, with their attempts */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries, newest first; status=dead lists the dead letters */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with its attempts */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead letter again, with a fresh set of attempts */
        post: operations["retryDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What was sent or is pending for an order: e-mails and webhooks, with their attempts */
        get: operations["getOrderNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order machine as data: nested states, transitions (event, guard, targets), deadlines
         * @description Derived from the machine definition the service runs; the inspector at /inspector draws it.
         */
        get: operations["getMachine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/order/paths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Test paths generated from the order machine's graph
         * @description Shortest paths to every state and paths that together take every transition, each a list of events with payloads and the order view expected after each step. Timer steps name the deadline whose due time the client moves its clock to. Replay them against your integration (docs/model-based-testing.md).
         */
        get: operations["getMachinePaths"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: uptime, orders per machine version, timers and deliveries */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database and the workers, each check with its time */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The machines this service hosts, each with its current version and its versions */
        get: operations["listMachines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/order/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The versions of the machine this release has, and the migrations between them */
        get: operations["listMachineVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/order/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the machine as data (as GET /machines/{id} gives the newest) */
        get: operations["getMachineVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/order/versions/{version}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a version adds, removes and renames of the version before it, and the migration map
         * @description States and events compared by name; a state is renamed when the migration takes all its orders to one new state, an event when a new one has exactly its transitions. The migration map comes from the migration itself, run on every instance the older version's model reaches.
         */
        get: operations["getMachineVersionChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/order/census": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stored orders per machine version and state, and where migrating them to the newest would put them
         * @description Counted from the store's index, without reading snapshots. Behind the API tokens when they are set. `aftersales migrate --dry-run` reads each order for an exact answer where a state is `uncertain`.
         */
        get: operations["getMachineCensus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API keys (never their secrets), revoked ones included */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key; its secret is in this answer only */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key: every instance refuses it within a second */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = {
    "state.changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order moved to another state
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["stateChangedNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "expedite.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for expedite.requested
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["expediteRequestedNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "stock.problem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for stock.problem
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["stockProblemNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customs.reminder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for customs.reminder
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["customsReminderNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "interception.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for interception.requested
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["interceptionRequestedNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "verification.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for verification.requested
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["verificationRequestedNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for refund.requested
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["refundRequestedNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "resolution.escalated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for resolution.escalated
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["resolutionEscalatedNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customs.escalated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for customs.escalated
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["customsEscalatedNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supplier_refund.reminder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for supplier_refund.reminder
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["supplierRefundReminderNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "claim.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order machine asked for claim.closed
         * @description Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.
         */
        post: operations["claimClosedNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type components = {
    schemas: {
        /** @description A client event: `type` and its `payload`. The order's acceptedEvents lists the types it takes now. */
        EventRequest: components["schemas"]["ShippedEvent"] | components["schemas"]["StockUnavailableEvent"] | components["schemas"]["ItemOversizedEvent"] | components["schemas"]["SupplierContactedEvent"] | components["schemas"]["SupplierUnresponsiveEvent"] | components["schemas"]["SwitchSupplierEvent"] | components["schemas"]["RequestRefundEvent"] | components["schemas"]["CancelRequestedEvent"] | components["schemas"]["InterceptSucceededEvent"] | components["schemas"]["InterceptFailedEvent"] | components["schemas"]["CustomsHeldEvent"] | components["schemas"]["CustomsClearedEvent"] | components["schemas"]["DeliveredEvent"] | components["schemas"]["IssueReportedEvent"] | components["schemas"]["EvidenceSubmittedEvent"] | components["schemas"]["VerificationApprovedEvent"] | components["schemas"]["VerificationRejectedEvent"] | components["schemas"]["RequestReshipEvent"] | components["schemas"]["ReshippedEvent"] | components["schemas"]["RefundIssuedEvent"] | components["schemas"]["ParcelLostEvent"] | components["schemas"]["SupplierRefundedEvent"];
        /** SHIPPED */
        ShippedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SHIPPED";
            payload: {
                carrier: string;
                trackingNumber: string;
            };
        };
        /** STOCK_UNAVAILABLE */
        StockUnavailableEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "STOCK_UNAVAILABLE";
            payload?: {
                note?: string;
            };
        };
        /** ITEM_OVERSIZED */
        ItemOversizedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ITEM_OVERSIZED";
            payload?: {
                note?: string;
            };
        };
        /** SUPPLIER_CONTACTED */
        SupplierContactedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SUPPLIER_CONTACTED";
            payload?: {
                note?: string;
            };
        };
        /** SUPPLIER_UNRESPONSIVE */
        SupplierUnresponsiveEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SUPPLIER_UNRESPONSIVE";
            payload?: {
                note?: string;
            };
        };
        /** SWITCH_SUPPLIER */
        SwitchSupplierEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SWITCH_SUPPLIER";
            payload: {
                supplier: {
                    id: string;
                    name?: string;
                };
                /** Format: date-time */
                shipBy?: string;
            };
        };
        /** REQUEST_REFUND */
        RequestRefundEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "REQUEST_REFUND";
            payload?: {
                /** @enum {string} */
                reason?: "out_of_stock" | "oversized" | "supplier_unresponsive" | "shipment_overdue" | "claim" | "parcel_lost" | "customer_cancelled" | "wrong_address" | "other";
                note?: string;
                amount?: number;
                items?: {
                    sku: string;
                    quantity: number;
                }[];
            };
        };
        /** CANCEL_REQUESTED */
        CancelRequestedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CANCEL_REQUESTED";
            payload: {
                /** @enum {string} */
                reason: "customer_cancelled" | "wrong_address";
            };
        };
        /** INTERCEPT_SUCCEEDED */
        InterceptSucceededEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "INTERCEPT_SUCCEEDED";
            payload?: {
                note?: string;
            };
        };
        /** INTERCEPT_FAILED */
        InterceptFailedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "INTERCEPT_FAILED";
            payload?: {
                note?: string;
            };
        };
        /** CUSTOMS_HELD */
        CustomsHeldEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CUSTOMS_HELD";
            payload?: {
                note?: string;
            };
        };
        /** CUSTOMS_CLEARED */
        CustomsClearedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "CUSTOMS_CLEARED";
            payload?: {
                note?: string;
            };
        };
        /** DELIVERED */
        DeliveredEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "DELIVERED";
            payload?: {
                /** Format: date-time */
                at?: string;
            };
        };
        /** ISSUE_REPORTED */
        IssueReportedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ISSUE_REPORTED";
            payload: {
                /** @enum {string} */
                kind: "wrong_item" | "missing_item" | "damaged";
                items?: {
                    sku: string;
                    quantity: number;
                }[];
                description?: string;
            };
        };
        /** EVIDENCE_SUBMITTED */
        EvidenceSubmittedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "EVIDENCE_SUBMITTED";
            payload: {
                media: {
                    /** @enum {string} */
                    kind: "photo" | "video";
                    /** Format: uri */
                    url: string;
                }[];
            };
        };
        /** VERIFICATION_APPROVED */
        VerificationApprovedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "VERIFICATION_APPROVED";
            payload?: {
                reason?: string;
            };
        };
        /** VERIFICATION_REJECTED */
        VerificationRejectedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "VERIFICATION_REJECTED";
            payload?: {
                reason?: string;
            };
        };
        /** REQUEST_RESHIP */
        RequestReshipEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "REQUEST_RESHIP";
            payload?: {
                items?: {
                    sku: string;
                    quantity: number;
                }[];
            };
        };
        /** RESHIPPED */
        ReshippedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "RESHIPPED";
            payload: {
                carrier: string;
                trackingNumber: string;
            };
        };
        /** REFUND_ISSUED */
        RefundIssuedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "REFUND_ISSUED";
            payload: {
                amount: number;
                reference?: string;
            };
        };
        /** PARCEL_LOST */
        ParcelLostEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "PARCEL_LOST";
            payload?: {
                note?: string;
            };
        };
        /** SUPPLIER_REFUNDED */
        SupplierRefundedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SUPPLIER_REFUNDED";
            payload: {
                supplierId: string;
                amount: number;
                reference?: string;
            };
        };
        CreateWebhook: {
            /**
             * Format: uri
             * @description Where to POST: https, to a public address (plain http and private, loopback, link-local addresses only when the operator allows them); 422 webhook-target-refused names the rule broken
             */
            url: string;
            /**
             * @description Notification kinds to receive, or ["*"] for all: state.changed, expedite.requested, stock.problem, customs.reminder, interception.requested, verification.requested, refund.requested, resolution.escalated, customs.escalated, supplier_refund.reminder, claim.closed
             * @default [
             *       "*"
             *     ]
             */
            events: ("*" | "state.changed" | "expedite.requested" | "stock.problem" | "customs.reminder" | "interception.requested" | "verification.requested" | "refund.requested" | "resolution.escalated" | "customs.escalated" | "supplier_refund.reminder" | "claim.closed")[];
            /** @description Signing secret; generated (and answered once) when not given */
            secret?: string;
            description?: string;
        };
        NewApiKey: {
            /** @description Default: the caller's tenant. Only an admin of the default tenant names another */
            tenant?: string;
            scopes: ("orders:read" | "orders:write" | "webhooks:manage" | "deliveries:manage" | "admin")[];
            name?: string;
        };
        StateChangedNotification: {
            /** @constant */
            type: "state.changed";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["StateChangedData"];
        };
        StateChangedData: {
            orderId: string;
            /** @description The order version this change made */
            version: number;
            /** @description The event that moved the order (ORDER_CREATED at creation) */
            event: string;
            /** @enum {string} */
            source: "client" | "timer" | "migration";
            fromState: string | null;
            toState: string;
            /** Format: date-time */
            at: string;
            /**
             * Format: date-time
             * @description For timer events: when the deadline fell due
             */
            dueAt?: string;
        };
        ExpediteRequestedNotification: {
            /** @constant */
            type: "expedite.requested";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        /** @description The effect's own parameters follow orderId, version and action (times as ISO 8601) */
        EffectData: {
            orderId: string;
            /** @description The order version whose event asked for it */
            version: number;
            /** @description The machine's effect, e.g. sendCustomsReminder */
            action: string;
        } & {
            [key: string]: unknown;
        };
        StockProblemNotification: {
            /** @constant */
            type: "stock.problem";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        CustomsReminderNotification: {
            /** @constant */
            type: "customs.reminder";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        InterceptionRequestedNotification: {
            /** @constant */
            type: "interception.requested";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        VerificationRequestedNotification: {
            /** @constant */
            type: "verification.requested";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        RefundRequestedNotification: {
            /** @constant */
            type: "refund.requested";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        ResolutionEscalatedNotification: {
            /** @constant */
            type: "resolution.escalated";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        CustomsEscalatedNotification: {
            /** @constant */
            type: "customs.escalated";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        SupplierRefundReminderNotification: {
            /** @constant */
            type: "supplier_refund.reminder";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        ClaimClosedNotification: {
            /** @constant */
            type: "claim.closed";
            /**
             * Format: date-time
             * @description When the notification was made
             */
            timestamp: string;
            data: components["schemas"]["EffectData"];
        };
        Order: {
            id: string;
            /** @description Dotted path of the active state, e.g. inTransit.shipping.customsHold */
            state: string;
            /** @enum {string} */
            status: "open" | "closed";
            description: string | null;
            waitsOn: string | null;
            /** @enum {string} */
            scope: "domestic" | "international";
            sellerEmail: string;
            currency: string;
            items: {
                sku: string;
                quantity: number;
                unitPrice: number;
                /** @description Units refunded (R11): no longer owed to the buyer */
                refunded: number;
                /** @description Units shipped in parcels that were not lost */
                shipped: number;
                /** @description Units in parcels the carrier lost (R13) */
                lost: number;
                /** @description Units still owed a shipment: before shipping, or a reship once chosen */
                toShip: number;
            }[];
            shipBy: string | null;
            money: {
                paid: number;
                refunded: number;
                refundable: number;
                pendingRefund: number;
                refunds: {
                    amount: number;
                    reference?: string;
                    at: string | null;
                    items?: {
                        sku: string;
                        quantity: number;
                    }[];
                }[];
                refundRequest: {
                    amount: number;
                    reason: string;
                    note?: string;
                    requestedAt: string | null;
                    items?: {
                        sku: string;
                        quantity: number;
                    }[];
                    /** @enum {string} */
                    returnTo: "preShipment" | "delivered" | "inTransit";
                } | null;
                /** @description How many entries `refunds` has in all: the view shows the most recent 20; GET /orders/{id}/refunds pages through every one */
                refundsTotal: number;
            };
            suppliers: {
                id: string;
                name?: string;
                /** @enum {string} */
                status: "active" | "replaced";
                since: string | null;
                replacedAt: string | null;
                /** @enum {string} */
                originalOrderRefund?: "owed" | "settled";
                refundRemindedAt: string | null;
            }[];
            supplierRefunds: {
                owed: {
                    supplierId: string;
                    name?: string;
                    since: string | null;
                    remindedAt: string | null;
                }[];
                settled: {
                    supplierId: string;
                    amount: number;
                    reference?: string;
                    at: string | null;
                }[];
                /** @description How many entries `owed` has in all: the view shows the most recent 20; GET /orders/{id}/supplier-refunds-owed pages through every one */
                owedTotal: number;
                /** @description How many entries `settled` has in all: the view shows the most recent 20; GET /orders/{id}/supplier-refunds-settled pages through every one */
                settledTotal: number;
            };
            shipments: {
                carrier: string;
                trackingNumber: string;
                at: string | null;
                /** @enum {string} */
                kind: "original" | "reship";
                items?: {
                    sku: string;
                    quantity: number;
                }[];
                lostAt: string | null;
            }[];
            problem: {
                code: string;
                rule: string;
                title: string;
                recommendedAction: string;
                recommendedEvents: string[];
            } | null;
            notice: {
                code: string;
                at: string | null;
                text: string;
            } | null;
            claim: {
                kind: string;
                items: {
                    sku: string;
                    quantity: number;
                }[];
                description?: string;
                reportedAt: string | null;
                evidence: {
                    /** @enum {string} */
                    kind: "photo" | "video";
                    url: string;
                    at: string | null;
                }[];
                verification: string | null;
                verificationReason?: string;
                resolution: string | null;
                closed: {
                    at: string | null;
                    /** @enum {string} */
                    outcome: "evidence_missing" | "rejected" | "reshipped" | "refunded";
                } | null;
                /** @description How many entries `evidence` has in all: the view shows the most recent 20; GET /orders/{id}/claim/evidence pages through every one */
                evidenceTotal: number;
            } | null;
            claims: {
                kind: string;
                items: {
                    sku: string;
                    quantity: number;
                }[];
                description?: string;
                reportedAt: string | null;
                evidence: {
                    /** @enum {string} */
                    kind: "photo" | "video";
                    url: string;
                    at: string | null;
                }[];
                verification: string | null;
                verificationReason?: string;
                resolution: string | null;
                closed: {
                    at: string | null;
                    /** @enum {string} */
                    outcome: "evidence_missing" | "rejected" | "reshipped" | "refunded";
                } | null;
                /** @description How many entries `evidence` has in all: the view shows the most recent 20; GET /orders/{id}/claims/{claim}/evidence pages through every one */
                evidenceTotal: number;
            }[];
            resolution: {
                dueAt: string | null;
                escalated: boolean;
                escalatedAt: string | null;
                calendarNote: string | null;
            } | null;
            customs: {
                holds: number;
                remindersSent: number;
                escalatedAt: string | null;
            } | null;
            cancellation: {
                reason: string;
                requestedAt: string | null;
                outcome: string;
            } | null;
            deadlines: {
                /** @enum {string} */
                name: "expediteAt" | "switchSupplierAt" | "customsReminderAt" | "protectionEndsAt" | "evidenceDueAt" | "resolutionDueAt" | "customsEscalateAt" | "supplierRefundRemindAt";
                dueAt: string | null;
                event: string;
            }[];
            outcome: string | null;
            lastNote: {
                text: string;
                at: string | null;
                event: string;
            } | null;
            /** @description How many entries `suppliers` has in all: the view shows the most recent 20; GET /orders/{id}/suppliers pages through every one */
            suppliersTotal: number;
            /** @description How many entries `shipments` has in all: the view shows the most recent 20; GET /orders/{id}/shipments pages through every one */
            shipmentsTotal: number;
            /** @description How many entries `claims` has in all: the view shows the most recent 20; GET /orders/{id}/claims pages through every one */
            claimsTotal: number;
            acceptedEvents: ("SHIPPED" | "STOCK_UNAVAILABLE" | "ITEM_OVERSIZED" | "SUPPLIER_CONTACTED" | "SUPPLIER_UNRESPONSIVE" | "SWITCH_SUPPLIER" | "REQUEST_REFUND" | "CANCEL_REQUESTED" | "INTERCEPT_SUCCEEDED" | "INTERCEPT_FAILED" | "CUSTOMS_HELD" | "CUSTOMS_CLEARED" | "DELIVERED" | "ISSUE_REPORTED" | "EVIDENCE_SUBMITTED" | "VERIFICATION_APPROVED" | "VERIFICATION_REJECTED" | "REQUEST_RESHIP" | "RESHIPPED" | "REFUND_ISSUED" | "PARCEL_LOST" | "SUPPLIER_REFUNDED")[];
            version: number;
            machine: {
                id: string;
                version: number;
            };
            createdAt: string | null;
            updatedAt: string | null;
            /** @description GET /orders/{id} only: e-mails and webhooks pending, delivered, dead */
            notifications?: components["schemas"]["NotificationSummary"];
        };
        NotificationSummary: {
            /** @description Deliveries (and notifications not yet fanned out) still to be sent */
            pending: number;
            delivered: number;
            dead: number;
            undeliveredEmails: number;
            note: string | null;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            instance?: string;
            requestId?: string;
            errors?: {
                path: string;
                message: string;
            }[];
            acceptedEvents?: string[];
            reason?: string;
        } & {
            [key: string]: unknown;
        };
        OrderList: {
            orders: components["schemas"]["OrderSummary"][];
            /** @description Send as cursor for the next page; null on the last */
            nextCursor: string | null;
        };
        OrderSummary: {
            id: string;
            state: string;
            version: number;
            nextDeadlineAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description The list flags: true where `GET /orders?<flag>=true` lists the order */
            flags: {
                /** @description Whether `?supplierRefundOwed=true` lists the order; the query: true: only open orders with an owed supplier refund (R1/R4: a replaced supplier owes the refund of the original order; R15: until SUPPLIER_REFUNDED settles it). false: every other order */
                supplierRefundOwed: boolean;
            };
        };
        DryRun: {
            /** @constant */
            dryRun: true;
            /** @description The event as it would be applied (its payload after validation) */
            event: {
                type: string;
                payload: unknown;
            };
            /** @description Where the order stands now; send with If-Match on this version to apply exactly this */
            from: {
                state: string;
                version: number;
            };
            order: components["schemas"]["Order"];
            /** @description The notifications the commit would put in the outbox: the action, its webhook kind, and whether it is e-mailed too */
            effects: {
                action: string;
                params: unknown;
                kind: string;
                email: boolean;
            }[];
            /** @description The deadlines armed afterwards (the timers the commit would write), earliest first */
            deadlines: {
                name: string;
                event: string;
                /** Format: date-time */
                dueAt: string;
            }[];
            /** @description The Idempotency-Key was used for this same request already: sending answers the recorded result (order) and applies nothing */
            replayed: boolean;
        };
        OrderHistory: {
            orderId: string;
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
            history: components["schemas"]["HistoryEntry"][];
        };
        HistoryEntry: {
            seq: number;
            type: string;
            payload: unknown;
            fromState: string | null;
            toState: string;
            /** Format: date-time */
            at: string;
            idempotencyKey: string | null;
            /**
             * @description migration: a MACHINE_MIGRATED row ({ from, to }), written when the order moved to a newer machine version
             * @enum {string}
             */
            source: "client" | "timer" | "migration";
            /** @description For timer events: when the deadline fell due (at is when it fired) */
            dueAt: string | null;
            /** @description The machine version the event was applied with */
            machineVersion: number;
        };
        OrderSuppliersPage: {
            orderId: string;
            /** @description The version of the order the page was read from */
            version: number;
            /** @description How many entries the list has in all (the order view's `suppliersTotal`) */
            total: number;
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
            entries: {
                id: string;
                name?: string;
                /** @enum {string} */
                status: "active" | "replaced";
                since: string | null;
                replacedAt: string | null;
                /** @enum {string} */
                originalOrderRefund?: "owed" | "settled";
                refundRemindedAt: string | null;
            }[];
        };
        OrderSupplierRefundsOwedPage: {
            orderId: string;
            /** @description The version of the order the page was read from */
            version: number;
            /** @description How many entries the list has in all (the order view's `owedTotal`) */
            total: number;
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
            entries: {
                supplierId: string;
                name?: string;
                since: string | null;
                remindedAt: string | null;
            }[];
        };
        OrderSupplierRefundsSettledPage: {
            orderId: string;
            /** @description The version of the order the page was read from */
            version: number;
            /** @description How many entries the list has in all (the order view's `settledTotal`) */
            total: number;
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
            entries: {
                supplierId: string;
                amount: number;
                reference?: string;
                at: string | null;
            }[];
        };
        OrderRefundsPage: {
            orderId: string;
            /** @description The version of the order the page was read from */
            version: number;
            /** @description How many entries the list has in all (the order view's `refundsTotal`) */
            total: number;
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
            entries: {
                amount: number;
                reference?: string;
                at: string | null;
                items?: {
                    sku: string;
                    quantity: number;
                }[];
            }[];
        };
        OrderShipmentsPage: {
            orderId: string;
            /** @description The version of the order the page was read from */
            version: number;
            /** @description How many entries the list has in all (the order view's `shipmentsTotal`) */
            total: number;
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
            entries: {
                carrier: string;
                trackingNumber: string;
                at: string | null;
                /** @enum {string} */
                kind: "original" | "reship";
                items?: {
                    sku: string;
                    quantity: number;
                }[];
                lostAt: string | null;
            }[];
        };
        OrderClaimsPage: {
            orderId: string;
            /** @description The version of the order the page was read from */
            version: number;
            /** @description How many entries the list has in all (the order view's `claimsTotal`) */
            total: number;
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
            entries: {
                kind: string;
                items: {
                    sku: string;
                    quantity: number;
                }[];
                description?: string;
                reportedAt: string | null;
                evidence: {
                    /** @enum {string} */
                    kind: "photo" | "video";
                    url: string;
                    at: string | null;
                }[];
                verification: string | null;
                verificationReason?: string;
                resolution: string | null;
                closed: {
                    at: string | null;
                    /** @enum {string} */
                    outcome: "evidence_missing" | "rejected" | "reshipped" | "refunded";
                } | null;
                /** @description How many entries `evidence` has in all: the view shows the most recent 20; GET /orders/{id}/claims/{claim}/evidence pages through every one */
                evidenceTotal: number;
            }[];
        };
        OrderClaimsEvidencePage: {
            orderId: string;
            /** @description The version of the order the page was read from */
            version: number;
            /** @description How many entries the list has in all (the order view's `evidenceTotal`) */
            total: number;
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
            entries: {
                /** @enum {string} */
                kind: "photo" | "video";
                url: string;
                at: string | null;
            }[];
        };
        OrderClaimEvidencePage: {
            orderId: string;
            /** @description The version of the order the page was read from */
            version: number;
            /** @description How many entries the list has in all (the order view's `evidenceTotal`) */
            total: number;
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
            entries: {
                /** @enum {string} */
                kind: "photo" | "video";
                url: string;
                at: string | null;
            }[];
        };
        CreatedWebhook: {
            id: string;
            url: string;
            events: string[];
            description: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Shown only in this answer: keep it to verify signatures */
            secret: string;
        };
        WebhookList: {
            webhooks: components["schemas"]["Webhook"][];
        };
        Webhook: {
            id: string;
            url: string;
            events: string[];
            description: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        DeliveryList: {
            deliveries: components["schemas"]["Delivery"][];
            /** @description Send as cursor for the next page (also in the Link header); null on the last */
            nextCursor: string | null;
        };
        Delivery: {
            id: string;
            /** @description Stable across retries: the webhook-id header, the e-mail Message-ID */
            notificationId: string;
            orderId: string;
            /** @description The order version whose event caused it */
            seq: number;
            kind: string;
            /** @enum {string} */
            channel: "email" | "webhook";
            /** @description The e-mail address, or the webhook subscription id */
            target: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "dead";
            /** @description When pending: when it is tried next */
            nextAttemptAt: string | null;
            deliveredAt: string | null;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            attempts: components["schemas"]["DeliveryAttempt"][];
        };
        DeliveryAttempt: {
            number: number;
            /** Format: date-time */
            at: string;
            ok: boolean;
            /** @description HTTP status of the receiver, or SMTP reply code */
            statusCode: number | null;
            error: string | null;
            durationMs: number;
        };
        OrderNotifications: {
            orderId: string;
            /** @enum {string} */
            email: "enabled" | "disabled";
            summary: components["schemas"]["NotificationSummary"];
            notifications: {
                id: string;
                kind: string;
                seq: number;
                /** Format: date-time */
                createdAt: string;
                /** @description false until the worker has fanned it out into deliveries */
                dispatched: boolean;
                deliveries: components["schemas"]["Delivery"][];
            }[];
        };
        MachineGraph: {
            id: string;
            version: number;
            root: components["schemas"]["StateNode"];
            clientEvents: string[];
            timerEvents: string[];
        };
        StateNode: {
            /** @description Dotted path as in the order view, e.g. inTransit.shipping.customsHold; the root is "" */
            path: string;
            key: string;
            /** @enum {string} */
            type: "atomic" | "compound" | "parallel" | "final" | "history";
            initial: string | null;
            description: string | null;
            waitsOn: string | null;
            deadlines: {
                name: string;
                event: string;
            }[];
            problem: {
                code: string;
                rule: string;
                title: string;
            } | null;
            noDeadlineReason: string | null;
            transitions: {
                event: string;
                guard: string | null;
                /** @description Dotted state paths; empty when the transition only runs actions */
                targets: string[];
                actions: string[];
                /** @description Fired by the service when a deadline falls due; clients cannot send it */
                timer: boolean;
            }[];
            states: components["schemas"]["StateNode"][];
        };
        PathsDocument: {
            machine: {
                id: string;
                version: number;
            };
            /**
             * Format: date-time
             * @description When the model created each order: due times counted in working days hold for orders created then
             */
            createdAt: string;
            howToReplay: string[];
            variants: {
                name: string;
                description: string;
                /** @description The creation body, without its times (see timesAfterCreation) and with an id to replace */
                order: {
                    [key: string]: unknown;
                };
                /** @description Each time field of the creation body (dotted path), in ms after the creation */
                timesAfterCreation: {
                    [key: string]: number;
                };
                policy: {
                    [key: string]: number;
                };
                deployment: {
                    /** @description Whether a deployment with the default deadline policy runs this variant */
                    defaultPolicy: boolean;
                    /** @description The environment of a deployment that runs it (as for npm start) */
                    environment: {
                        [key: string]: string;
                    };
                };
                /** @description The body of POST /sandbox/runs that starts a sandbox run for this variant */
                sandboxRun: {
                    policy: {
                        [key: string]: number;
                    };
                    /** Format: date-time */
                    startAt: string;
                    version: number;
                };
            }[];
            counts: {
                shortest: number;
                transition: number;
            };
            paths: {
                id: string;
                variant: string;
                /** @enum {string} */
                kind: "shortest" | "transition";
                /** @description What the new order shows */
                start: {
                    expect: {
                        /** @description The order view's state after the step */
                        state: string;
                        /** @enum {string} */
                        status: "open" | "closed";
                        outcome: string | null;
                        money: {
                            paid: number;
                            refunded: number;
                            refundable: number;
                            pendingRefund: number;
                        };
                        /** @description deadlines[].name of the order view, earliest first */
                        deadlines: ("expediteAt" | "switchSupplierAt" | "customsReminderAt" | "protectionEndsAt" | "evidenceDueAt" | "resolutionDueAt" | "customsEscalateAt" | "supplierRefundRemindAt")[];
                        claim: {
                            kind: string;
                            verification: string | null;
                            resolution: string | null;
                            closed: string | null;
                        } | null;
                        /** @description claims.length of the order view */
                        claims: number;
                        /** @description cancellation.outcome of the order view */
                        cancellation: string | null;
                        /** @description resolution.escalated of the order view; null when it shows no resolution */
                        escalated: boolean | null;
                        /** @description problem.code and problem.recommendedEvents of the order view */
                        problem: {
                            code: string;
                            recommendedEvents: string[];
                        } | null;
                        /** @description items[].toShip of the order view, summed */
                        toShip: number;
                        /** @description supplierRefunds.owed.length and supplierRefunds.settled.length */
                        supplierRefunds: {
                            owed: number;
                            settled: number;
                        };
                    };
                    /** @description The order view's deadlines[], in order, each due time relative to the step that armed it */
                    expectDeadlines: {
                        /** @enum {string} */
                        name: "expediteAt" | "switchSupplierAt" | "customsReminderAt" | "protectionEndsAt" | "evidenceDueAt" | "resolutionDueAt" | "customsEscalateAt" | "supplierRefundRemindAt";
                        /** @description The step that armed the deadline: 0 is the creation, n the n-th step */
                        armedAtStep: number;
                        /** @description The due time (the view's deadlines[].dueAt), in ms after the step that armed it was taken */
                        dueAfterMs: number;
                    }[];
                };
                steps: ({
                    /** @constant */
                    kind: "event";
                    type: string;
                    payload: {
                        [key: string]: unknown;
                    };
                    /** @description When the path takes the step, in ms after the creation: move the clock there first */
                    sinceCreationMs: number;
                    expect: {
                        /** @description The order view's state after the step */
                        state: string;
                        /** @enum {string} */
                        status: "open" | "closed";
                        outcome: string | null;
                        money: {
                            paid: number;
                            refunded: number;
                            refundable: number;
                            pendingRefund: number;
                        };
                        /** @description deadlines[].name of the order view, earliest first */
                        deadlines: ("expediteAt" | "switchSupplierAt" | "customsReminderAt" | "protectionEndsAt" | "evidenceDueAt" | "resolutionDueAt" | "customsEscalateAt" | "supplierRefundRemindAt")[];
                        claim: {
                            kind: string;
                            verification: string | null;
                            resolution: string | null;
                            closed: string | null;
                        } | null;
                        /** @description claims.length of the order view */
                        claims: number;
                        /** @description cancellation.outcome of the order view */
                        cancellation: string | null;
                        /** @description resolution.escalated of the order view; null when it shows no resolution */
                        escalated: boolean | null;
                        /** @description problem.code and problem.recommendedEvents of the order view */
                        problem: {
                            code: string;
                            recommendedEvents: string[];
                        } | null;
                        /** @description items[].toShip of the order view, summed */
                        toShip: number;
                        /** @description supplierRefunds.owed.length and supplierRefunds.settled.length */
                        supplierRefunds: {
                            owed: number;
                            settled: number;
                        };
                    };
                    /** @description The order view's deadlines[], in order, each due time relative to the step that armed it */
                    expectDeadlines: {
                        /** @enum {string} */
                        name: "expediteAt" | "switchSupplierAt" | "customsReminderAt" | "protectionEndsAt" | "evidenceDueAt" | "resolutionDueAt" | "customsEscalateAt" | "supplierRefundRemindAt";
                        /** @description The step that armed the deadline: 0 is the creation, n the n-th step */
                        armedAtStep: number;
                        /** @description The due time (the view's deadlines[].dueAt), in ms after the step that armed it was taken */
                        dueAfterMs: number;
                    }[];
                } | {
                    /** @constant */
                    kind: "timer";
                    type: string;
                    /** @enum {string} */
                    deadline: "expediteAt" | "switchSupplierAt" | "customsReminderAt" | "protectionEndsAt" | "evidenceDueAt" | "resolutionDueAt" | "customsEscalateAt" | "supplierRefundRemindAt";
                    /**
                     * @description Move the clock to the due time of `deadline` (from the order view) and let the service fire it
                     * @constant
                     */
                    advanceClockTo: "deadline";
                    /** @description When the path takes the step, in ms after the creation: move the clock there first */
                    sinceCreationMs: number;
                    expect: {
                        /** @description The order view's state after the step */
                        state: string;
                        /** @enum {string} */
                        status: "open" | "closed";
                        outcome: string | null;
                        money: {
                            paid: number;
                            refunded: number;
                            refundable: number;
                            pendingRefund: number;
                        };
                        /** @description deadlines[].name of the order view, earliest first */
                        deadlines: ("expediteAt" | "switchSupplierAt" | "customsReminderAt" | "protectionEndsAt" | "evidenceDueAt" | "resolutionDueAt" | "customsEscalateAt" | "supplierRefundRemindAt")[];
                        claim: {
                            kind: string;
                            verification: string | null;
                            resolution: string | null;
                            closed: string | null;
                        } | null;
                        /** @description claims.length of the order view */
                        claims: number;
                        /** @description cancellation.outcome of the order view */
                        cancellation: string | null;
                        /** @description resolution.escalated of the order view; null when it shows no resolution */
                        escalated: boolean | null;
                        /** @description problem.code and problem.recommendedEvents of the order view */
                        problem: {
                            code: string;
                            recommendedEvents: string[];
                        } | null;
                        /** @description items[].toShip of the order view, summed */
                        toShip: number;
                        /** @description supplierRefunds.owed.length and supplierRefunds.settled.length */
                        supplierRefunds: {
                            owed: number;
                            settled: number;
                        };
                    };
                    /** @description The order view's deadlines[], in order, each due time relative to the step that armed it */
                    expectDeadlines: {
                        /** @enum {string} */
                        name: "expediteAt" | "switchSupplierAt" | "customsReminderAt" | "protectionEndsAt" | "evidenceDueAt" | "resolutionDueAt" | "customsEscalateAt" | "supplierRefundRemindAt";
                        /** @description The step that armed the deadline: 0 is the creation, n the n-th step */
                        armedAtStep: number;
                        /** @description The due time (the view's deadlines[].dueAt), in ms after the step that armed it was taken */
                        dueAfterMs: number;
                    }[];
                })[];
            }[];
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            uptimeMs: number;
        } & {
            [key: string]: unknown;
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "not ready";
            checks: {
                [key: string]: {
                    ok: boolean;
                    ms: number;
                    error?: string;
                };
            };
        };
        MachineList: {
            machines: {
                id: string;
                current: number;
                versions: number[];
            }[];
        };
        VersionList: {
            id: string;
            /** @description The version new orders are created on */
            current: number;
            versions: {
                version: number;
                fingerprint: string;
                clientEvents: number;
                deadlines: number;
            }[];
            migrations: {
                from: number;
                to: number;
            }[];
        };
        VersionChanges: {
            from: number;
            to: number;
            states: {
                added: string[];
                removed: string[];
                renamed: {
                    from: string;
                    to: string;
                }[];
            };
            events: {
                added: string[];
                removed: string[];
                renamed: {
                    from: string;
                    to: string;
                }[];
            };
            transitions: {
                added: {
                    source: string;
                    event: string;
                    guard: string | null;
                    targets: string[];
                }[];
                removed: {
                    source: string;
                    event: string;
                    guard: string | null;
                    targets: string[];
                }[];
            };
            deadlines: {
                added: string[];
                removed: string[];
            };
            /** @description Each leaf state of the older version and the states of the newer one its orders migrate to */
            migration: {
                from: string;
                to: string[];
                /** @enum {string} */
                by: "model" | "state";
                failure?: string;
            }[];
        };
        VersionCensus: {
            machine: string;
            newest: number;
            total: number;
            versions: {
                version: number;
                known: boolean;
                total: number;
                states: {
                    state: string;
                    count: number;
                }[];
            }[];
            afterMigration: {
                version: number;
                states: {
                    state: string;
                    count: number;
                    from: {
                        version: number;
                        state: string;
                        count: number;
                    }[];
                }[];
                uncertain: {
                    version: number;
                    state: string;
                    count: number;
                    to: string[];
                }[];
                unmigratable: {
                    version: number;
                    state: string;
                    count: number;
                    reason: string;
                }[];
            };
        };
        CreatedApiKey: {
            id: string;
            tenant: string;
            name: string | null;
            scopes: ("orders:read" | "orders:write" | "webhooks:manage" | "deliveries:manage" | "admin")[];
            /** Format: date-time */
            createdAt: string;
            revokedAt: string | null;
            /** @description The secret: shown this once, stored only as its SHA-256 */
            key: string;
        };
        ApiKeyList: {
            keys: components["schemas"]["ApiKey"][];
        };
        ApiKey: {
            id: string;
            tenant: string;
            name: string | null;
            scopes: ("orders:read" | "orders:write" | "webhooks:manage" | "deliveries:manage" | "admin")[];
            /** Format: date-time */
            createdAt: string;
            revokedAt: string | null;
        };
    };
    responses: {
        /** @description Malformed request: the body is not JSON, or a header is ill-formed */
        Problem400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No API key, or an unknown or revoked one (not in open mode: no key at all, on loopback) */
        Problem401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The API key lacks the scope this needs: missingScope names it */
        Problem403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: not accepted in this state (lists the accepted events), or a conflicting request */
        Problem409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Body too large */
        Problem413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Body is not application/json */
        Problem415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Misdirected: the Host header names none of the names this service answers to (ALLOWED_HOST_NAMES; DNS rebinding) */
        Problem421: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Invalid input, or an unknown query parameter (lists the field errors) */
        Problem422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests: retry after the Retry-After header */
        Problem429: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unavailable: the database did not answer in time (retry after Retry-After), or the order cannot be restored by this release */
        Problem503: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not found */
        Problem404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description If-Match does not match the current version (the ETag) */
        Problem412: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    listOrders: {
        parameters: {
            query?: {
                state?: string;
                deadlineBefore?: string;
                /** @description true: only open orders with an owed supplier refund (R1/R4: a replaced supplier owes the refund of the original order; R15: until SUPPLIER_REFUNDED settles it). false: every other order */
                supplierRefundOwed?: "true" | "false";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders; nextCursor (and the Link header) fetch the next */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orders": [
                     *         {
                     *           "id": "model-domestic",
                     *           "state": "preShipment.processing.awaitingShipment",
                     *           "version": 1,
                     *           "nextDeadlineAt": "2026-03-06T00:00:00.000Z",
                     *           "updatedAt": "2026-03-02T01:00:00.000Z",
                     *           "flags": {
                     *             "supplierRefundOwed": false
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "scope": "domestic",
                 *       "sellerEmail": "seller@shop.example",
                 *       "supplier": {
                 *         "id": "tmall-store-1",
                 *         "name": "Tmall Store 1"
                 *       },
                 *       "items": [
                 *         {
                 *           "sku": "mug-blue",
                 *           "quantity": 2,
                 *           "unitPrice": 1250
                 *         },
                 *         {
                 *           "sku": "plate",
                 *           "quantity": 1,
                 *           "unitPrice": 3000
                 *         }
                 *       ],
                 *       "currency": "CNY",
                 *       "shipBy": "2026-03-04T00:00:00.000Z",
                 *       "id": "model-domestic"
                 *     }
                 */
                "application/json": {
                    id: string;
                    /** @enum {string} */
                    scope: "domestic" | "international";
                    /** Format: email */
                    sellerEmail: string;
                    supplier: {
                        id: string;
                        name?: string;
                    };
                    items: {
                        sku: string;
                        quantity: number;
                        unitPrice: number;
                    }[];
                    currency: string;
                    /** Format: date-time */
                    shipBy: string;
                    policy?: {
                        protectionWindowDays?: number;
                        evidenceDays?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Existed already with this body */
            200: {
                headers: {
                    /** @description Strong entity tag of this body, "<version>-<digest>"; send it in If-Match (events) or If-None-Match (reads) */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "model-domestic",
                     *       "state": "preShipment.processing.awaitingShipment",
                     *       "status": "open",
                     *       "description": "Waiting for the supplier to ship by `shipBy`.",
                     *       "waitsOn": "supplier",
                     *       "scope": "domestic",
                     *       "sellerEmail": "seller@shop.example",
                     *       "currency": "CNY",
                     *       "items": [
                     *         {
                     *           "sku": "mug-blue",
                     *           "quantity": 2,
                     *           "unitPrice": 1250,
                     *           "refunded": 0,
                     *           "shipped": 0,
                     *           "lost": 0,
                     *           "toShip": 2
                     *         },
                     *         {
                     *           "sku": "plate",
                     *           "quantity": 1,
                     *           "unitPrice": 3000,
                     *           "refunded": 0,
                     *           "shipped": 0,
                     *           "lost": 0,
                     *           "toShip": 1
                     *         }
                     *       ],
                     *       "shipBy": "2026-03-04T00:00:00.000Z",
                     *       "money": {
                     *         "paid": 5500,
                     *         "refunded": 0,
                     *         "refundable": 5500,
                     *         "pendingRefund": 0,
                     *         "refunds": [],
                     *         "refundRequest": null,
                     *         "refundsTotal": 0
                     *       },
                     *       "suppliers": [
                     *         {
                     *           "id": "tmall-store-1",
                     *           "name": "Tmall Store 1",
                     *           "status": "active",
                     *           "since": "2026-03-02T01:00:00.000Z",
                     *           "replacedAt": null,
                     *           "refundRemindedAt": null
                     *         }
                     *       ],
                     *       "supplierRefunds": {
                     *         "owed": [],
                     *         "settled": [],
                     *         "owedTotal": 0,
                     *         "settledTotal": 0
                     *       },
                     *       "shipments": [],
                     *       "problem": null,
                     *       "notice": null,
                     *       "claim": null,
                     *       "claims": [],
                     *       "resolution": null,
                     *       "customs": null,
                     *       "cancellation": null,
                     *       "deadlines": [
                     *         {
                     *           "name": "expediteAt",
                     *           "dueAt": "2026-03-06T00:00:00.000Z",
                     *           "event": "TIMER.EXPEDITE"
                     *         },
                     *         {
                     *           "name": "switchSupplierAt",
                     *           "dueAt": "2026-03-08T00:00:00.000Z",
                     *           "event": "TIMER.SWITCH_SUPPLIER"
                     *         }
                     *       ],
                     *       "outcome": null,
                     *       "lastNote": null,
                     *       "acceptedEvents": [
                     *         "SHIPPED",
                     *         "STOCK_UNAVAILABLE",
                     *         "ITEM_OVERSIZED",
                     *         "SUPPLIER_CONTACTED",
                     *         "SUPPLIER_UNRESPONSIVE",
                     *         "SWITCH_SUPPLIER",
                     *         "REQUEST_REFUND",
                     *         "CANCEL_REQUESTED"
                     *       ],
                     *       "version": 1,
                     *       "machine": {
                     *         "id": "order",
                     *         "version": 2
                     *       },
                     *       "createdAt": "2026-03-02T01:00:00.000Z",
                     *       "updatedAt": "2026-03-02T01:00:00.000Z",
                     *       "suppliersTotal": 1,
                     *       "shipmentsTotal": 0,
                     *       "claimsTotal": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    /** @description Strong entity tag of this body, "<version>-<digest>"; send it in If-Match (events) or If-None-Match (reads) */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "model-domestic",
                     *       "state": "preShipment.processing.awaitingShipment",
                     *       "status": "open",
                     *       "description": "Waiting for the supplier to ship by `shipBy`.",
                     *       "waitsOn": "supplier",
                     *       "scope": "domestic",
                     *       "sellerEmail": "seller@shop.example",
                     *       "currency": "CNY",
                     *       "items": [
                     *         {
                     *           "sku": "mug-blue",
                     *           "quantity": 2,
                     *           "unitPrice": 1250,
                     *           "refunded": 0,
                     *           "shipped": 0,
                     *           "lost": 0,
                     *           "toShip": 2
                     *         },
                     *         {
                     *           "sku": "plate",
                     *           "quantity": 1,
                     *           "unitPrice": 3000,
                     *           "refunded": 0,
                     *           "shipped": 0,
                     *           "lost": 0,
                     *           "toShip": 1
                     *         }
                     *       ],
                     *       "shipBy": "2026-03-04T00:00:00.000Z",
                     *       "money": {
                     *         "paid": 5500,
                     *         "refunded": 0,
                     *         "refundable": 5500,
                     *         "pendingRefund": 0,
                     *         "refunds": [],
                     *         "refundRequest": null,
                     *         "refundsTotal": 0
                     *       },
                     *       "suppliers": [
                     *         {
                     *           "id": "tmall-store-1",
                     *           "name": "Tmall Store 1",
                     *           "status": "active",
                     *           "since": "2026-03-02T01:00:00.000Z",
                     *           "replacedAt": null,
                     *           "refundRemindedAt": null
                     *         }
                     *       ],
                     *       "supplierRefunds": {
                     *         "owed": [],
                     *         "settled": [],
                     *         "owedTotal": 0,
                     *         "settledTotal": 0
                     *       },
                     *       "shipments": [],
                     *       "problem": null,
                     *       "notice": null,
                     *       "claim": null,
                     *       "claims": [],
                     *       "resolution": null,
                     *       "customs": null,
                     *       "cancellation": null,
                     *       "deadlines": [
                     *         {
                     *           "name": "expediteAt",
                     *           "dueAt": "2026-03-06T00:00:00.000Z",
                     *           "event": "TIMER.EXPEDITE"
                     *         },
                     *         {
                     *           "name": "switchSupplierAt",
                     *           "dueAt": "2026-03-08T00:00:00.000Z",
                     *           "event": "TIMER.SWITCH_SUPPLIER"
                     *         }
                     *       ],
                     *       "outcome": null,
                     *       "lastNote": null,
                     *       "acceptedEvents": [
                     *         "SHIPPED",
                     *         "STOCK_UNAVAILABLE",
                     *         "ITEM_OVERSIZED",
                     *         "SUPPLIER_CONTACTED",
                     *         "SUPPLIER_UNRESPONSIVE",
                     *         "SWITCH_SUPPLIER",
                     *         "REQUEST_REFUND",
                     *         "CANCEL_REQUESTED"
                     *       ],
                     *       "version": 1,
                     *       "machine": {
                     *         "id": "order",
                     *         "version": 2
                     *       },
                     *       "createdAt": "2026-03-02T01:00:00.000Z",
                     *       "updatedAt": "2026-03-02T01:00:00.000Z",
                     *       "suppliersTotal": 1,
                     *       "shipmentsTotal": 0,
                     *       "claimsTotal": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold (or a list, or *): 304 Not Modified while the order reads the same */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order; the ETag carries its version */
            200: {
                headers: {
                    /** @description Strong entity tag of this body, "<version>-<digest>"; send it in If-Match (events) or If-None-Match (reads) */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "model-domestic",
                     *       "state": "preShipment.processing.awaitingShipment",
                     *       "status": "open",
                     *       "description": "Waiting for the supplier to ship by `shipBy`.",
                     *       "waitsOn": "supplier",
                     *       "scope": "domestic",
                     *       "sellerEmail": "seller@shop.example",
                     *       "currency": "CNY",
                     *       "items": [
                     *         {
                     *           "sku": "mug-blue",
                     *           "quantity": 2,
                     *           "unitPrice": 1250,
                     *           "refunded": 0,
                     *           "shipped": 0,
                     *           "lost": 0,
                     *           "toShip": 2
                     *         },
                     *         {
                     *           "sku": "plate",
                     *           "quantity": 1,
                     *           "unitPrice": 3000,
                     *           "refunded": 0,
                     *           "shipped": 0,
                     *           "lost": 0,
                     *           "toShip": 1
                     *         }
                     *       ],
                     *       "shipBy": "2026-03-04T00:00:00.000Z",
                     *       "money": {
                     *         "paid": 5500,
                     *         "refunded": 0,
                     *         "refundable": 5500,
                     *         "pendingRefund": 0,
                     *         "refunds": [],
                     *         "refundRequest": null,
                     *         "refundsTotal": 0
                     *       },
                     *       "suppliers": [
                     *         {
                     *           "id": "tmall-store-1",
                     *           "name": "Tmall Store 1",
                     *           "status": "active",
                     *           "since": "2026-03-02T01:00:00.000Z",
                     *           "replacedAt": null,
                     *           "refundRemindedAt": null
                     *         }
                     *       ],
                     *       "supplierRefunds": {
                     *         "owed": [],
                     *         "settled": [],
                     *         "owedTotal": 0,
                     *         "settledTotal": 0
                     *       },
                     *       "shipments": [],
                     *       "problem": null,
                     *       "notice": null,
                     *       "claim": null,
                     *       "claims": [],
                     *       "resolution": null,
                     *       "customs": null,
                     *       "cancellation": null,
                     *       "deadlines": [
                     *         {
                     *           "name": "expediteAt",
                     *           "dueAt": "2026-03-06T00:00:00.000Z",
                     *           "event": "TIMER.EXPEDITE"
                     *         },
                     *         {
                     *           "name": "switchSupplierAt",
                     *           "dueAt": "2026-03-08T00:00:00.000Z",
                     *           "event": "TIMER.SWITCH_SUPPLIER"
                     *         }
                     *       ],
                     *       "outcome": null,
                     *       "lastNote": null,
                     *       "acceptedEvents": [
                     *         "SHIPPED",
                     *         "STOCK_UNAVAILABLE",
                     *         "ITEM_OVERSIZED",
                     *         "SUPPLIER_CONTACTED",
                     *         "SUPPLIER_UNRESPONSIVE",
                     *         "SWITCH_SUPPLIER",
                     *         "REQUEST_REFUND",
                     *         "CANCEL_REQUESTED"
                     *       ],
                     *       "version": 1,
                     *       "machine": {
                     *         "id": "order",
                     *         "version": 2
                     *       },
                     *       "createdAt": "2026-03-02T01:00:00.000Z",
                     *       "updatedAt": "2026-03-02T01:00:00.000Z",
                     *       "suppliersTotal": 1,
                     *       "shipmentsTotal": 0,
                     *       "claimsTotal": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Not modified: If-None-Match holds the current ETag */
            304: {
                headers: {
                    /** @description Strong entity tag of this body, "<version>-<digest>"; send it in If-Match (events) or If-None-Match (reads) */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    sendEvent: {
        parameters: {
            query?: {
                /** @description true: answer what the event would do (the DryRun schema) and change nothing; refusals are answered exactly as without it */
                dryRun?: "true" | "false";
            };
            header?: {
                /** @description Retries with the same key answer the first result (marked Idempotent-Replayed: true) and apply nothing twice. Scope: this order. Honoured for 24 hours after its first use (IDEMPOTENCY_RETENTION_HOURS); after that a request with it is a new request. */
                "Idempotency-Key"?: string;
                /** @description Apply only if the order is still at the version an entity tag names (an ETag of the order, "<version>-…", or "<version>"); a list or * too. Strong comparison: a W/ tag never matches */
                "If-Match"?: string;
            };
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventRequest"];
            };
        };
        responses: {
            /** @description Applied: the order as it is now (Order). With dryRun=true: what it would do (DryRun), nothing changed */
            200: {
                headers: {
                    /** @description The entity tag of the order as answered (absent on a dry run, which answers no order) */
                    ETag?: string;
                    /** @description Present when this is the recorded answer to an earlier request with the same Idempotency-Key: nothing was applied now */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "model-domestic",
                     *       "state": "inTransit.shipping.onTheWay",
                     *       "status": "open",
                     *       "description": "With the carrier.",
                     *       "waitsOn": "carrier",
                     *       "scope": "domestic",
                     *       "sellerEmail": "seller@shop.example",
                     *       "currency": "CNY",
                     *       "items": [
                     *         {
                     *           "sku": "mug-blue",
                     *           "quantity": 2,
                     *           "unitPrice": 1250,
                     *           "refunded": 0,
                     *           "shipped": 2,
                     *           "lost": 0,
                     *           "toShip": 0
                     *         },
                     *         {
                     *           "sku": "plate",
                     *           "quantity": 1,
                     *           "unitPrice": 3000,
                     *           "refunded": 0,
                     *           "shipped": 1,
                     *           "lost": 0,
                     *           "toShip": 0
                     *         }
                     *       ],
                     *       "shipBy": "2026-03-04T00:00:00.000Z",
                     *       "money": {
                     *         "paid": 5500,
                     *         "refunded": 0,
                     *         "refundable": 5500,
                     *         "pendingRefund": 0,
                     *         "refunds": [],
                     *         "refundRequest": null,
                     *         "refundsTotal": 0
                     *       },
                     *       "suppliers": [
                     *         {
                     *           "id": "tmall-store-1",
                     *           "name": "Tmall Store 1",
                     *           "status": "active",
                     *           "since": "2026-03-02T01:00:00.000Z",
                     *           "replacedAt": null,
                     *           "refundRemindedAt": null
                     *         }
                     *       ],
                     *       "supplierRefunds": {
                     *         "owed": [],
                     *         "settled": [],
                     *         "owedTotal": 0,
                     *         "settledTotal": 0
                     *       },
                     *       "shipments": [
                     *         {
                     *           "carrier": "SF Express",
                     *           "trackingNumber": "SF1001",
                     *           "at": "2026-03-02T01:01:00.000Z",
                     *           "kind": "original",
                     *           "items": [
                     *             {
                     *               "sku": "mug-blue",
                     *               "quantity": 2
                     *             },
                     *             {
                     *               "sku": "plate",
                     *               "quantity": 1
                     *             }
                     *           ],
                     *           "lostAt": null
                     *         }
                     *       ],
                     *       "problem": null,
                     *       "notice": null,
                     *       "claim": null,
                     *       "claims": [],
                     *       "resolution": null,
                     *       "customs": null,
                     *       "cancellation": null,
                     *       "deadlines": [],
                     *       "outcome": null,
                     *       "lastNote": null,
                     *       "acceptedEvents": [
                     *         "CANCEL_REQUESTED",
                     *         "DELIVERED",
                     *         "PARCEL_LOST"
                     *       ],
                     *       "version": 2,
                     *       "machine": {
                     *         "id": "order",
                     *         "version": 2
                     *       },
                     *       "createdAt": "2026-03-02T01:00:00.000Z",
                     *       "updatedAt": "2026-03-02T01:01:00.000Z",
                     *       "suppliersTotal": 1,
                     *       "shipmentsTotal": 1,
                     *       "claimsTotal": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Order"] | components["schemas"]["DryRun"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderHistory: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Entries per page (1 to 1000) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the history */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "nextCursor": null,
                     *       "history": [
                     *         {
                     *           "seq": 1,
                     *           "type": "ORDER_CREATED",
                     *           "payload": {
                     *             "scope": "domestic",
                     *             "sellerEmail": "seller@shop.example",
                     *             "supplier": {
                     *               "id": "tmall-store-1",
                     *               "name": "Tmall Store 1"
                     *             },
                     *             "items": [
                     *               {
                     *                 "sku": "mug-blue",
                     *                 "quantity": 2,
                     *                 "unitPrice": 1250
                     *               },
                     *               {
                     *                 "sku": "plate",
                     *                 "quantity": 1,
                     *                 "unitPrice": 3000
                     *               }
                     *             ],
                     *             "currency": "CNY",
                     *             "shipBy": "2026-03-04T00:00:00.000Z",
                     *             "id": "model-domestic"
                     *           },
                     *           "fromState": null,
                     *           "toState": "preShipment.processing.awaitingShipment",
                     *           "at": "2026-03-02T01:00:00.000Z",
                     *           "idempotencyKey": null,
                     *           "source": "client",
                     *           "dueAt": null,
                     *           "machineVersion": 2
                     *         },
                     *         {
                     *           "seq": 2,
                     *           "type": "SHIPPED",
                     *           "payload": {
                     *             "carrier": "SF Express",
                     *             "trackingNumber": "SF1001"
                     *           },
                     *           "fromState": "preShipment.processing.awaitingShipment",
                     *           "toState": "inTransit.shipping.onTheWay",
                     *           "at": "2026-03-02T01:01:00.000Z",
                     *           "idempotencyKey": null,
                     *           "source": "client",
                     *           "dueAt": null,
                     *           "machineVersion": 2
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OrderHistory"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    streamOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example event: ready
                     *     data: {"orderId":"model-domestic","version":1,"state":"preShipment.processing.awaitingShipment"}
                     */
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderSuppliers: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Entries per page (1 to 1000, default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the list */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "version": 2,
                     *       "total": 1,
                     *       "nextCursor": null,
                     *       "entries": [
                     *         {
                     *           "id": "tmall-store-1",
                     *           "name": "Tmall Store 1",
                     *           "status": "active",
                     *           "since": "2026-03-02T01:00:00.000Z",
                     *           "replacedAt": null,
                     *           "refundRemindedAt": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OrderSuppliersPage"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderSupplierRefundsOwed: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Entries per page (1 to 1000, default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the list */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "version": 2,
                     *       "total": 0,
                     *       "nextCursor": null,
                     *       "entries": []
                     *     }
                     */
                    "application/json": components["schemas"]["OrderSupplierRefundsOwedPage"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderSupplierRefundsSettled: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Entries per page (1 to 1000, default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the list */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "version": 2,
                     *       "total": 0,
                     *       "nextCursor": null,
                     *       "entries": []
                     *     }
                     */
                    "application/json": components["schemas"]["OrderSupplierRefundsSettledPage"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderRefunds: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Entries per page (1 to 1000, default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the list */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "version": 2,
                     *       "total": 0,
                     *       "nextCursor": null,
                     *       "entries": []
                     *     }
                     */
                    "application/json": components["schemas"]["OrderRefundsPage"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderShipments: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Entries per page (1 to 1000, default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the list */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "version": 2,
                     *       "total": 1,
                     *       "nextCursor": null,
                     *       "entries": [
                     *         {
                     *           "carrier": "SF Express",
                     *           "trackingNumber": "SF1001",
                     *           "at": "2026-03-02T01:01:00.000Z",
                     *           "kind": "original",
                     *           "items": [
                     *             {
                     *               "sku": "mug-blue",
                     *               "quantity": 2
                     *             },
                     *             {
                     *               "sku": "plate",
                     *               "quantity": 1
                     *             }
                     *           ],
                     *           "lostAt": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OrderShipmentsPage"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderClaims: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Entries per page (1 to 1000, default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the list */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "version": 2,
                     *       "total": 0,
                     *       "nextCursor": null,
                     *       "entries": []
                     *     }
                     */
                    "application/json": components["schemas"]["OrderClaimsPage"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderClaimsEvidence: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Entries per page (1 to 1000, default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
                /** @description The position of the claim in its list, from 0 (the oldest) */
                claim: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the list */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "version": 2,
                     *       "total": 0,
                     *       "nextCursor": null,
                     *       "entries": []
                     *     }
                     */
                    "application/json": components["schemas"]["OrderClaimsEvidencePage"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderClaimEvidence: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Entries per page (1 to 1000, default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The order id given at creation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the list */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "version": 2,
                     *       "total": 0,
                     *       "nextCursor": null,
                     *       "entries": []
                     *     }
                     */
                    "application/json": components["schemas"]["OrderClaimEvidencePage"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscriptions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "webhooks": [
                     *         {
                     *           "id": "0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11",
                     *           "url": "https://shop.example/hooks/aftersales",
                     *           "events": [
                     *             "*"
                     *           ],
                     *           "description": "store back-end",
                     *           "createdAt": "2026-03-02T01:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://shop.example/hooks/aftersales",
                 *       "events": [
                 *         "*"
                 *       ],
                 *       "description": "store back-end"
                 *     }
                 */
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description Subscribed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11",
                     *       "url": "https://shop.example/hooks/aftersales",
                     *       "events": [
                     *         "*"
                     *       ],
                     *       "description": "store back-end",
                     *       "createdAt": "2026-03-02T01:00:00.000Z",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            415: components["responses"]["Problem415"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11",
                     *       "url": "https://shop.example/hooks/aftersales",
                     *       "events": [
                     *         "*"
                     *       ],
                     *       "description": "store back-end",
                     *       "createdAt": "2026-03-02T01:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description No such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description No such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "delivered" | "dead";
                orderId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The subscription id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deliveries": [
                     *         {
                     *           "id": "7d0f6a3e-2b9c-4f1e-8d55-1c2b3a4d5e6f",
                     *           "notificationId": "3f2a1b0c-9d8e-8f7a-a6b5-c4d3e2f1a0b9",
                     *           "orderId": "model-domestic",
                     *           "seq": 2,
                     *           "kind": "state.changed",
                     *           "channel": "webhook",
                     *           "target": "0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11",
                     *           "status": "delivered",
                     *           "nextAttemptAt": null,
                     *           "deliveredAt": "2026-03-02T01:01:00.120Z",
                     *           "lastError": null,
                     *           "createdAt": "2026-03-02T01:01:00.000Z",
                     *           "attempts": [
                     *             {
                     *               "number": 1,
                     *               "at": "2026-03-02T01:01:00.100Z",
                     *               "ok": true,
                     *               "statusCode": 204,
                     *               "error": null,
                     *               "durationMs": 20
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description No such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            /** @description Invalid query */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "delivered" | "dead";
                orderId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries */
            200: {
                headers: {
                    /** @description The next page: <path?…&cursor=…>; rel="next" (absent on the last page) */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deliveries": [
                     *         {
                     *           "id": "7d0f6a3e-2b9c-4f1e-8d55-1c2b3a4d5e6f",
                     *           "notificationId": "3f2a1b0c-9d8e-8f7a-a6b5-c4d3e2f1a0b9",
                     *           "orderId": "model-domestic",
                     *           "seq": 2,
                     *           "kind": "state.changed",
                     *           "channel": "webhook",
                     *           "target": "0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11",
                     *           "status": "delivered",
                     *           "nextAttemptAt": null,
                     *           "deliveredAt": "2026-03-02T01:01:00.120Z",
                     *           "lastError": null,
                     *           "createdAt": "2026-03-02T01:01:00.000Z",
                     *           "attempts": [
                     *             {
                     *               "number": 1,
                     *               "at": "2026-03-02T01:01:00.100Z",
                     *               "ok": true,
                     *               "statusCode": 204,
                     *               "error": null,
                     *               "durationMs": 20
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            421: components["responses"]["Problem421"];
            /** @description Invalid query */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f6a3e-2b9c-4f1e-8d55-1c2b3a4d5e6f",
                     *       "notificationId": "3f2a1b0c-9d8e-8f7a-a6b5-c4d3e2f1a0b9",
                     *       "orderId": "model-domestic",
                     *       "seq": 2,
                     *       "kind": "state.changed",
                     *       "channel": "webhook",
                     *       "target": "0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11",
                     *       "status": "delivered",
                     *       "nextAttemptAt": null,
                     *       "deliveredAt": "2026-03-02T01:01:00.120Z",
                     *       "lastError": null,
                     *       "createdAt": "2026-03-02T01:01:00.000Z",
                     *       "attempts": [
                     *         {
                     *           "number": 1,
                     *           "at": "2026-03-02T01:01:00.100Z",
                     *           "ok": true,
                     *           "statusCode": 204,
                     *           "error": null,
                     *           "durationMs": 20
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description No such delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    retryDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending again, due now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0f6a3e-2b9c-4f1e-8d55-1c2b3a4d5e6f",
                     *       "notificationId": "3f2a1b0c-9d8e-8f7a-a6b5-c4d3e2f1a0b9",
                     *       "orderId": "model-domestic",
                     *       "seq": 2,
                     *       "kind": "state.changed",
                     *       "channel": "webhook",
                     *       "target": "0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11",
                     *       "status": "pending",
                     *       "nextAttemptAt": "2026-03-02T02:00:00.000Z",
                     *       "deliveredAt": null,
                     *       "lastError": null,
                     *       "createdAt": "2026-03-02T01:01:00.000Z",
                     *       "attempts": [
                     *         {
                     *           "number": 1,
                     *           "at": "2026-03-02T01:01:00.100Z",
                     *           "ok": true,
                     *           "statusCode": 204,
                     *           "error": null,
                     *           "durationMs": 20
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description No such delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The delivery is not dead */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrderNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orderId": "model-domestic",
                     *       "email": "disabled",
                     *       "summary": {
                     *         "pending": 0,
                     *         "delivered": 1,
                     *         "dead": 0,
                     *         "undeliveredEmails": 0,
                     *         "note": null
                     *       },
                     *       "notifications": [
                     *         {
                     *           "id": "3f2a1b0c-9d8e-8f7a-a6b5-c4d3e2f1a0b9",
                     *           "kind": "state.changed",
                     *           "seq": 2,
                     *           "createdAt": "2026-03-02T01:01:00.000Z",
                     *           "dispatched": true,
                     *           "deliveries": [
                     *             {
                     *               "id": "7d0f6a3e-2b9c-4f1e-8d55-1c2b3a4d5e6f",
                     *               "notificationId": "3f2a1b0c-9d8e-8f7a-a6b5-c4d3e2f1a0b9",
                     *               "orderId": "model-domestic",
                     *               "seq": 2,
                     *               "kind": "state.changed",
                     *               "channel": "webhook",
                     *               "target": "0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11",
                     *               "status": "delivered",
                     *               "nextAttemptAt": null,
                     *               "deliveredAt": "2026-03-02T01:01:00.120Z",
                     *               "lastError": null,
                     *               "createdAt": "2026-03-02T01:01:00.000Z",
                     *               "attempts": [
                     *                 {
                     *                   "number": 1,
                     *                   "at": "2026-03-02T01:01:00.100Z",
                     *                   "ok": true,
                     *                   "statusCode": 204,
                     *                   "error": null,
                     *                   "durationMs": 20
                     *                 }
                     *               ]
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OrderNotifications"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description No such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    getMachine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The machine graph */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "order",
                     *       "version": 2,
                     *       "root": {
                     *         "path": "",
                     *         "key": "order",
                     *         "type": "compound",
                     *         "initial": "preShipment",
                     *         "description": "An order, from the purchase with the supplier to the end of its after-sales.",
                     *         "waitsOn": null,
                     *         "deadlines": [
                     *           {
                     *             "name": "supplierRefundRemindAt",
                     *             "event": "TIMER.SUPPLIER_REFUND_REMINDER"
                     *           }
                     *         ],
                     *         "problem": null,
                     *         "noDeadlineReason": null,
                     *         "transitions": [
                     *           {
                     *             "event": "SUPPLIER_REFUNDED",
                     *             "guard": "owesSupplierRefund",
                     *             "targets": [],
                     *             "actions": [
                     *               "settleSupplierRefund",
                     *               "recordNote"
                     *             ],
                     *             "timer": false
                     *           },
                     *           {
                     *             "event": "TIMER.SUPPLIER_REFUND_REMINDER",
                     *             "guard": null,
                     *             "targets": [],
                     *             "actions": [
                     *               "remindSupplierRefund",
                     *               "markSupplierRefundReminded"
                     *             ],
                     *             "timer": true
                     *           }
                     *         ],
                     *         "states": [
                     *           {
                     *             "path": "preShipment",
                     *             "key": "preShipment",
                     *             "type": "compound",
                     *             "initial": "preShipment.processing",
                     *             "description": "Ordered with the supplier, not yet shipped.",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": [
                     *               {
                     *                 "path": "preShipment.processing",
                     *                 "key": "processing",
                     *                 "type": "compound",
                     *                 "initial": "preShipment.processing.awaitingShipment",
                     *                 "description": "The supplier is to ship; overdue follow-up and supplier problems.",
                     *                 "waitsOn": null,
                     *                 "deadlines": [],
                     *                 "problem": null,
                     *                 "noDeadlineReason": null,
                     *                 "transitions": [
                     *                   {
                     *                     "event": "SHIPPED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "inTransit"
                     *                     ],
                     *                     "actions": [
                     *                       "recordShipment"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "STOCK_UNAVAILABLE",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.stockUnavailable"
                     *                     ],
                     *                     "actions": [
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "ITEM_OVERSIZED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.oversized"
                     *                     ],
                     *                     "actions": [
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "SUPPLIER_UNRESPONSIVE",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.supplierUnresponsive"
                     *                     ],
                     *                     "actions": [
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "SWITCH_SUPPLIER",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.awaitingShipment"
                     *                     ],
                     *                     "actions": [
                     *                       "switchSupplier"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "CANCEL_REQUESTED",
                     *                     "guard": "isDomestic",
                     *                     "targets": [
                     *                       "preShipment.intercepting"
                     *                     ],
                     *                     "actions": [
                     *                       "startInterception",
                     *                       "requestInterception"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": [
                     *                   {
                     *                     "path": "preShipment.processing.awaitingShipment",
                     *                     "key": "awaitingShipment",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Waiting for the supplier to ship by `shipBy`.",
                     *                     "waitsOn": "supplier",
                     *                     "deadlines": [
                     *                       {
                     *                         "name": "expediteAt",
                     *                         "event": "TIMER.EXPEDITE"
                     *                       },
                     *                       {
                     *                         "name": "switchSupplierAt",
                     *                         "event": "TIMER.SWITCH_SUPPLIER"
                     *                       }
                     *                     ],
                     *                     "problem": null,
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [
                     *                       {
                     *                         "event": "SUPPLIER_CONTACTED",
                     *                         "guard": null,
                     *                         "targets": [],
                     *                         "actions": [
                     *                           "recordNote"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "TIMER.EXPEDITE",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "preShipment.processing.expediting"
                     *                         ],
                     *                         "actions": [
                     *                           "requestExpedite"
                     *                         ],
                     *                         "timer": true
                     *                       },
                     *                       {
                     *                         "event": "TIMER.SWITCH_SUPPLIER",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "preShipment.processing.stockProblem"
                     *                         ],
                     *                         "actions": [
                     *                           "alertStockProblem"
                     *                         ],
                     *                         "timer": true
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.expediting",
                     *                     "key": "expediting",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Shipment 2 days overdue; the supplier was asked to expedite.",
                     *                     "waitsOn": "supplier",
                     *                     "deadlines": [
                     *                       {
                     *                         "name": "switchSupplierAt",
                     *                         "event": "TIMER.SWITCH_SUPPLIER"
                     *                       }
                     *                     ],
                     *                     "problem": {
                     *                       "code": "shipment_overdue",
                     *                       "rule": "R3",
                     *                       "title": "Shipment is 2 days overdue"
                     *                     },
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [
                     *                       {
                     *                         "event": "SUPPLIER_CONTACTED",
                     *                         "guard": null,
                     *                         "targets": [],
                     *                         "actions": [
                     *                           "recordNote"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "TIMER.SWITCH_SUPPLIER",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "preShipment.processing.stockProblem"
                     *                         ],
                     *                         "actions": [
                     *                           "alertStockProblem"
                     *                         ],
                     *                         "timer": true
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.stockProblem",
                     *                     "key": "stockProblem",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Shipment 4 days overdue.",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "stock_problem",
                     *                       "rule": "R4",
                     *                       "title": "Shipment is 4 days overdue: a deeper stock problem"
                     *                     },
                     *                     "noDeadlineReason": "R4 ends the overdue escalation: the seller decides between another supplier and a refund, and the seed sets no further deadline.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "SUPPLIER_CONTACTED",
                     *                         "guard": null,
                     *                         "targets": [],
                     *                         "actions": [
                     *                           "recordNote"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.stockUnavailable",
                     *                     "key": "stockUnavailable",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "The supplier has no stock.",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "stock_unavailable",
                     *                       "rule": "R1",
                     *                       "title": "No stock available"
                     *                     },
                     *                     "noDeadlineReason": "R1: the seller decides between a refund and another supplier; the seed sets no deadline for that choice.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.oversized",
                     *                     "key": "oversized",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "The item is oversized or overweight.",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "item_oversized",
                     *                       "rule": "R2",
                     *                       "title": "Item is oversized or overweight"
                     *                     },
                     *                     "noDeadlineReason": "R2 only recommends a refund; the seller decides when.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.supplierUnresponsive",
                     *                     "key": "supplierUnresponsive",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "The supplier does not answer.",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "supplier_unresponsive",
                     *                       "rule": "R5",
                     *                       "title": "Supplier does not respond"
                     *                     },
                     *                     "noDeadlineReason": "R5 recommends a refund at once; the seller sends it, no timer can decide for them.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.hist",
                     *                     "key": "hist",
                     *                     "type": "history",
                     *                     "initial": null,
                     *                     "description": null,
                     *                     "waitsOn": null,
                     *                     "deadlines": [],
                     *                     "problem": null,
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [],
                     *                     "states": []
                     *                   }
                     *                 ]
                     *               },
                     *               {
                     *                 "path": "preShipment.intercepting",
                     *                 "key": "intercepting",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "A domestic cancellation or wrong address: the order is being intercepted (R9).",
                     *                 "waitsOn": "supplier",
                     *                 "deadlines": [],
                     *                 "problem": {
                     *                   "code": "interception_pending",
                     *                   "rule": "R9",
                     *                   "title": "Cancellation or wrong address on a domestic order: interception under way"
                     *                 },
                     *                 "noDeadlineReason": "The supplier reports the outcome of the interception; the seed sets no time limit for it.",
                     *                 "transitions": [
                     *                   {
                     *                     "event": "INTERCEPT_SUCCEEDED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "refund"
                     *                     ],
                     *                     "actions": [
                     *                       "endInterception",
                     *                       "startRefund",
                     *                       "requestRefund"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "INTERCEPT_FAILED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.hist"
                     *                     ],
                     *                     "actions": [
                     *                       "endInterception",
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": []
                     *               }
                     *             ]
                     *           },
                     *           {
                     *             "path": "inTransit",
                     *             "key": "inTransit",
                     *             "type": "compound",
                     *             "initial": "inTransit.shipping",
                     *             "description": "Shipped; the carrier has the parcel.",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": [
                     *               {
                     *                 "path": "inTransit.shipping",
                     *                 "key": "shipping",
                     *                 "type": "compound",
                     *                 "initial": "inTransit.shipping.onTheWay",
                     *                 "description": "The parcel travels.",
                     *                 "waitsOn": null,
                     *                 "deadlines": [],
                     *                 "problem": null,
                     *                 "noDeadlineReason": null,
                     *                 "transitions": [
                     *                   {
                     *                     "event": "DELIVERED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "delivered"
                     *                     ],
                     *                     "actions": [
                     *                       "recordDelivery"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": [
                     *                   {
                     *                     "path": "inTransit.shipping.onTheWay",
                     *                     "key": "onTheWay",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "With the carrier.",
                     *                     "waitsOn": "carrier",
                     *                     "deadlines": [],
                     *                     "problem": null,
                     *                     "noDeadlineReason": "The carrier delivers; the seed sets no transit deadline, customs holds have their own reminders and escalation, and a lost parcel is reported (PARCEL_LOST).",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "CUSTOMS_HELD",
                     *                         "guard": "isInternational",
                     *                         "targets": [
                     *                           "inTransit.shipping.customsHold"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "holdInCustoms",
                     *                           "sendCustomsReminder"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "CANCEL_REQUESTED",
                     *                         "guard": "isDomestic",
                     *                         "targets": [
                     *                           "inTransit.intercepting"
                     *                         ],
                     *                         "actions": [
                     *                           "startInterception",
                     *                           "requestInterception"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "PARCEL_LOST",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.lost"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "recordLoss"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "inTransit.shipping.customsHold",
                     *                     "key": "customsHold",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Held in customs; the seller is reminded to inform the buyer (R6), and hears once if the hold lasts too long (R13).",
                     *                     "waitsOn": "customs",
                     *                     "deadlines": [
                     *                       {
                     *                         "name": "customsReminderAt",
                     *                         "event": "TIMER.CUSTOMS_REMINDER"
                     *                       },
                     *                       {
                     *                         "name": "customsEscalateAt",
                     *                         "event": "TIMER.CUSTOMS_ESCALATE"
                     *                       }
                     *                     ],
                     *                     "problem": {
                     *                       "code": "customs_hold",
                     *                       "rule": "R6",
                     *                       "title": "Parcel held in customs"
                     *                     },
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [
                     *                       {
                     *                         "event": "CUSTOMS_CLEARED",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.onTheWay"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "leaveCustoms"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "PARCEL_LOST",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.lost"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "recordLoss"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "TIMER.CUSTOMS_REMINDER",
                     *                         "guard": null,
                     *                         "targets": [],
                     *                         "actions": [
                     *                           "repeatCustomsReminder",
                     *                           "sendCustomsReminder"
                     *                         ],
                     *                         "timer": true
                     *                       },
                     *                       {
                     *                         "event": "TIMER.CUSTOMS_ESCALATE",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.customsEscalated"
                     *                         ],
                     *                         "actions": [
                     *                           "escalateCustomsHold",
                     *                           "escalateCustoms"
                     *                         ],
                     *                         "timer": true
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "inTransit.shipping.customsEscalated",
                     *                     "key": "customsEscalated",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Held in customs for longer than CUSTOMS_ESCALATE_AFTER_DAYS; the seller was told once (R13).",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "customs_escalated",
                     *                       "rule": "R13",
                     *                       "title": "Parcel held in customs for too long"
                     *                     },
                     *                     "noDeadlineReason": "R13 escalates once: the seller decides between waiting for clearance, a reship and a refund, and the order shows the problem until then.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "CUSTOMS_CLEARED",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.onTheWay"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "leaveCustoms"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "PARCEL_LOST",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.lost"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "recordLoss"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_RESHIP",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "reship"
                     *                         ],
                     *                         "actions": [
                     *                           "recordLoss",
                     *                           "chooseReship"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "inTransit.shipping.lost",
                     *                     "key": "lost",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "The carrier confirmed the parcel lost (R13).",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "parcel_lost",
                     *                       "rule": "R13",
                     *                       "title": "The carrier lost the parcel"
                     *                     },
                     *                     "noDeadlineReason": "R13: the seller chooses a reship or a refund; the order shows the problem until then.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "REQUEST_RESHIP",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "reship"
                     *                         ],
                     *                         "actions": [
                     *                           "chooseReship"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "inTransit.shipping.hist",
                     *                     "key": "hist",
                     *                     "type": "history",
                     *                     "initial": null,
                     *                     "description": null,
                     *                     "waitsOn": null,
                     *                     "deadlines": [],
                     *                     "problem": null,
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [],
                     *                     "states": []
                     *                   }
                     *                 ]
                     *               },
                     *               {
                     *                 "path": "inTransit.intercepting",
                     *                 "key": "intercepting",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "A domestic cancellation or wrong address: the parcel is being intercepted (R9).",
                     *                 "waitsOn": "carrier",
                     *                 "deadlines": [],
                     *                 "problem": {
                     *                   "code": "interception_pending",
                     *                   "rule": "R9",
                     *                   "title": "Cancellation or wrong address on a domestic order: interception under way"
                     *                 },
                     *                 "noDeadlineReason": "The carrier reports the outcome of the interception; the seed sets no time limit for it.",
                     *                 "transitions": [
                     *                   {
                     *                     "event": "INTERCEPT_SUCCEEDED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "refund"
                     *                     ],
                     *                     "actions": [
                     *                       "endInterception",
                     *                       "startRefund",
                     *                       "requestRefund"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "INTERCEPT_FAILED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "inTransit.shipping.hist"
                     *                     ],
                     *                     "actions": [
                     *                       "endInterception",
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": []
                     *               }
                     *             ]
                     *           },
                     *           {
                     *             "path": "delivered",
                     *             "key": "delivered",
                     *             "type": "atomic",
                     *             "initial": null,
                     *             "description": "Delivered; the buyer-protection window is open.",
                     *             "waitsOn": "buyer",
                     *             "deadlines": [
                     *               {
                     *                 "name": "protectionEndsAt",
                     *                 "event": "TIMER.PROTECTION_ENDED"
                     *               }
                     *             ],
                     *             "problem": null,
                     *             "noDeadlineReason": "Once the protection window has ended, the order waits only for an owed supplier refund (R15), which has its reminder.",
                     *             "transitions": [
                     *               {
                     *                 "event": "ISSUE_REPORTED",
                     *                 "guard": "protectionRunning",
                     *                 "targets": [
                     *                   "dispute"
                     *                 ],
                     *                 "actions": [
                     *                   "openClaim"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "TIMER.PROTECTION_ENDED",
                     *                 "guard": "noSupplierRefundOwed",
                     *                 "targets": [
                     *                   "completed"
                     *                 ],
                     *                 "actions": [
                     *                   "setOutcomeOfDelivery"
                     *                 ],
                     *                 "timer": true
                     *               },
                     *               {
                     *                 "event": "TIMER.PROTECTION_ENDED",
                     *                 "guard": null,
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "endProtectionOwed"
                     *                 ],
                     *                 "timer": true
                     *               },
                     *               {
                     *                 "event": "SUPPLIER_REFUNDED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "completed"
                     *                 ],
                     *                 "actions": [
                     *                   "settleSupplierRefund",
                     *                   "recordNote",
                     *                   "setOutcomeOfDelivery"
                     *                 ],
                     *                 "timer": false
                     *               }
                     *             ],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "dispute",
                     *             "key": "dispute",
                     *             "type": "atomic",
                     *             "initial": null,
                     *             "description": "The buyer reported wrong, missing or damaged items (R7, R8); evidence is due.",
                     *             "waitsOn": "buyer",
                     *             "deadlines": [
                     *               {
                     *                 "name": "evidenceDueAt",
                     *                 "event": "TIMER.EVIDENCE_DUE"
                     *               }
                     *             ],
                     *             "problem": {
                     *               "code": "evidence_needed",
                     *               "rule": "R7",
                     *               "title": "Buyer reported wrong, missing or damaged items"
                     *             },
                     *             "noDeadlineReason": null,
                     *             "transitions": [
                     *               {
                     *                 "event": "EVIDENCE_SUBMITTED",
                     *                 "guard": null,
                     *                 "targets": [
                     *                   "verification"
                     *                 ],
                     *                 "actions": [
                     *                   "addEvidence",
                     *                   "requestVerification"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "TIMER.EVIDENCE_DUE",
                     *                 "guard": null,
                     *                 "targets": [
                     *                   "delivered"
                     *                 ],
                     *                 "actions": [
                     *                   "notifyClaimClosed",
                     *                   "closeClaimForMissingEvidence"
                     *                 ],
                     *                 "timer": true
                     *               }
                     *             ],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "verification",
                     *             "key": "verification",
                     *             "type": "compound",
                     *             "initial": "verification.awaitingPlatform",
                     *             "description": "Evidence submitted; the platform verifies (R7).",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": [
                     *               {
                     *                 "path": "verification.awaitingPlatform",
                     *                 "key": "awaitingPlatform",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "The platform verifies the evidence.",
                     *                 "waitsOn": "platform",
                     *                 "deadlines": [],
                     *                 "problem": {
                     *                   "code": "verification_pending",
                     *                   "rule": "R7",
                     *                   "title": "The platform is verifying the evidence"
                     *                 },
                     *                 "noDeadlineReason": "The seed gives the platform no time limit; the 15 working days start at approval.",
                     *                 "transitions": [
                     *                   {
                     *                     "event": "EVIDENCE_SUBMITTED",
                     *                     "guard": null,
                     *                     "targets": [],
                     *                     "actions": [
                     *                       "addEvidence"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "VERIFICATION_APPROVED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "verification.awaitingResolution"
                     *                     ],
                     *                     "actions": [
                     *                       "approveClaim"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "VERIFICATION_REJECTED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "verification.rejected"
                     *                     ],
                     *                     "actions": [
                     *                       "rejectClaim"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": []
                     *               },
                     *               {
                     *                 "path": "verification.rejected",
                     *                 "key": "rejected",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "The platform rejected the claim; the order returns to its protection window at once.",
                     *                 "waitsOn": null,
                     *                 "deadlines": [],
                     *                 "problem": null,
                     *                 "noDeadlineReason": null,
                     *                 "transitions": [],
                     *                 "states": []
                     *               },
                     *               {
                     *                 "path": "verification.awaitingResolution",
                     *                 "key": "awaitingResolution",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "Verified: the seller chooses a reship or a refund, due within 15 working days.",
                     *                 "waitsOn": "seller",
                     *                 "deadlines": [
                     *                   {
                     *                     "name": "resolutionDueAt",
                     *                     "event": "TIMER.RESOLUTION_DUE"
                     *                   }
                     *                 ],
                     *                 "problem": {
                     *                   "code": "resolution_due",
                     *                   "rule": "R7",
                     *                   "title": "Claim verified: reship or refund within 15 working days"
                     *                 },
                     *                 "noDeadlineReason": null,
                     *                 "transitions": [
                     *                   {
                     *                     "event": "REQUEST_RESHIP",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "reship"
                     *                     ],
                     *                     "actions": [
                     *                       "chooseReship"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "REQUEST_REFUND",
                     *                     "guard": "canRefund",
                     *                     "targets": [
                     *                       "refund"
                     *                     ],
                     *                     "actions": [
                     *                       "startRefund",
                     *                       "requestRefund"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "TIMER.RESOLUTION_DUE",
                     *                     "guard": "resolutionArmed",
                     *                     "targets": [],
                     *                     "actions": [
                     *                       "escalate",
                     *                       "escalateResolution"
                     *                     ],
                     *                     "timer": true
                     *                   }
                     *                 ],
                     *                 "states": []
                     *               }
                     *             ]
                     *           },
                     *           {
                     *             "path": "reship",
                     *             "key": "reship",
                     *             "type": "atomic",
                     *             "initial": null,
                     *             "description": "A replacement shipment is being prepared (R7, R13).",
                     *             "waitsOn": "supplier",
                     *             "deadlines": [
                     *               {
                     *                 "name": "resolutionDueAt",
                     *                 "event": "TIMER.RESOLUTION_DUE"
                     *               }
                     *             ],
                     *             "problem": {
                     *               "code": "reship_due",
                     *               "rule": "R7",
                     *               "title": "A replacement shipment is being prepared"
                     *             },
                     *             "noDeadlineReason": "A reship after a lost parcel or a customs hold (R13) has no deadline in the rules; after a verified claim the resolution deadline applies.",
                     *             "transitions": [
                     *               {
                     *                 "event": "RESHIPPED",
                     *                 "guard": null,
                     *                 "targets": [
                     *                   "inTransit"
                     *                 ],
                     *                 "actions": [
                     *                   "recordReshipment"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REQUEST_REFUND",
                     *                 "guard": "canRefund",
                     *                 "targets": [
                     *                   "refund"
                     *                 ],
                     *                 "actions": [
                     *                   "startRefund",
                     *                   "requestRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "TIMER.RESOLUTION_DUE",
                     *                 "guard": "resolutionArmed",
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "escalate",
                     *                   "escalateResolution"
                     *                 ],
                     *                 "timer": true
                     *               }
                     *             ],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "refund",
                     *             "key": "refund",
                     *             "type": "atomic",
                     *             "initial": null,
                     *             "description": "A refund is being executed, or the replaced supplier still owes the refund of the original order (R15).",
                     *             "waitsOn": "supplier",
                     *             "deadlines": [
                     *               {
                     *                 "name": "resolutionDueAt",
                     *                 "event": "TIMER.RESOLUTION_DUE"
                     *               }
                     *             ],
                     *             "problem": {
                     *               "code": "refund_due",
                     *               "rule": "R11",
                     *               "title": "A refund is being executed"
                     *             },
                     *             "noDeadlineReason": "A refund outside a verified claim (R1, R2, R4, R5, R9, R13) has no deadline in the rules; after a verified claim the resolution deadline applies; an owed supplier refund has its reminder.",
                     *             "transitions": [
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "refunded"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund",
                     *                   "setOutcome"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "preShipment.processing.awaitingShipment"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "preShipment.processing.expediting"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "preShipment.processing.stockProblem"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "delivered"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "settlesRefund",
                     *                 "targets": [
                     *                   "inTransit.shipping.hist"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "partOfRefund",
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "SUPPLIER_REFUNDED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "refunded"
                     *                 ],
                     *                 "actions": [
                     *                   "settleSupplierRefund",
                     *                   "recordNote",
                     *                   "setOutcome"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "TIMER.RESOLUTION_DUE",
                     *                 "guard": "resolutionArmed",
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "escalate",
                     *                   "escalateResolution"
                     *                 ],
                     *                 "timer": true
                     *               }
                     *             ],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "refunded",
                     *             "key": "refunded",
                     *             "type": "final",
                     *             "initial": null,
                     *             "description": "Final: money returned, nothing owed to anyone.",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "completed",
                     *             "key": "completed",
                     *             "type": "final",
                     *             "initial": null,
                     *             "description": "Final: ended without a refund, nothing owed to anyone.",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": []
                     *           }
                     *         ]
                     *       },
                     *       "clientEvents": [
                     *         "SHIPPED",
                     *         "STOCK_UNAVAILABLE",
                     *         "ITEM_OVERSIZED",
                     *         "SUPPLIER_CONTACTED",
                     *         "SUPPLIER_UNRESPONSIVE",
                     *         "SWITCH_SUPPLIER",
                     *         "REQUEST_REFUND",
                     *         "CANCEL_REQUESTED",
                     *         "INTERCEPT_SUCCEEDED",
                     *         "INTERCEPT_FAILED",
                     *         "CUSTOMS_HELD",
                     *         "CUSTOMS_CLEARED",
                     *         "DELIVERED",
                     *         "ISSUE_REPORTED",
                     *         "EVIDENCE_SUBMITTED",
                     *         "VERIFICATION_APPROVED",
                     *         "VERIFICATION_REJECTED",
                     *         "REQUEST_RESHIP",
                     *         "RESHIPPED",
                     *         "REFUND_ISSUED",
                     *         "PARCEL_LOST",
                     *         "SUPPLIER_REFUNDED"
                     *       ],
                     *       "timerEvents": [
                     *         "TIMER.EXPEDITE",
                     *         "TIMER.SWITCH_SUPPLIER",
                     *         "TIMER.CUSTOMS_REMINDER",
                     *         "TIMER.PROTECTION_ENDED",
                     *         "TIMER.EVIDENCE_DUE",
                     *         "TIMER.RESOLUTION_DUE",
                     *         "TIMER.CUSTOMS_ESCALATE",
                     *         "TIMER.SUPPLIER_REFUND_REMINDER"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["MachineGraph"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
        };
    };
    getMachinePaths: {
        parameters: {
            query?: {
                /** @description The machine version whose paths to generate; default: the newest */
                version?: number;
                /** @description `jsonl`: JSON Lines, one step per line, each path's creation first */
                format?: "json" | "jsonl";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paths document (the same as `npx aftersales paths`); with format=jsonl, JSON Lines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathsDocument"];
                    /** @example {"kind":"path","id":"shortest-1"} */
                    "application/jsonl": string;
                };
            };
            /** @description No such version, or it has no model to generate paths from */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive; status is degraded while stored orders name a version or state this release cannot restore */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "uptimeMs": 1200
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ready",
                     *       "checks": {
                     *         "database": {
                     *           "ok": true,
                     *           "ms": 0.4
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            /** @description Not ready: the failing checks say why */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "not ready",
                     *       "checks": {
                     *         "database": {
                     *           "ok": false,
                     *           "ms": 2000,
                     *           "error": "no answer within 2000 ms"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    listMachines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The machines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "machines": [
                     *         {
                     *           "id": "order",
                     *           "current": 2,
                     *           "versions": [
                     *             1,
                     *             2
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["MachineList"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
        };
    };
    listMachineVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "order",
                     *       "current": 2,
                     *       "versions": [
                     *         {
                     *           "version": 1,
                     *           "fingerprint": "sha256:a9b027def4683ba82a64d91381ba6d7653167b6a3878d59ad69bcee9878cfcd2",
                     *           "clientEvents": 20,
                     *           "deadlines": 6
                     *         },
                     *         {
                     *           "version": 2,
                     *           "fingerprint": "sha256:4e8077744a30d8fc3f7dcb3dd2ad72d75194acfa235037cdbf749c06730f093f",
                     *           "clientEvents": 22,
                     *           "deadlines": 8
                     *         }
                     *       ],
                     *       "migrations": [
                     *         {
                     *           "from": 1,
                     *           "to": 2
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["VersionList"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
        };
    };
    getMachineVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A version number of the machine */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The machine graph of that version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "order",
                     *       "version": 2,
                     *       "root": {
                     *         "path": "",
                     *         "key": "order",
                     *         "type": "compound",
                     *         "initial": "preShipment",
                     *         "description": "An order, from the purchase with the supplier to the end of its after-sales.",
                     *         "waitsOn": null,
                     *         "deadlines": [
                     *           {
                     *             "name": "supplierRefundRemindAt",
                     *             "event": "TIMER.SUPPLIER_REFUND_REMINDER"
                     *           }
                     *         ],
                     *         "problem": null,
                     *         "noDeadlineReason": null,
                     *         "transitions": [
                     *           {
                     *             "event": "SUPPLIER_REFUNDED",
                     *             "guard": "owesSupplierRefund",
                     *             "targets": [],
                     *             "actions": [
                     *               "settleSupplierRefund",
                     *               "recordNote"
                     *             ],
                     *             "timer": false
                     *           },
                     *           {
                     *             "event": "TIMER.SUPPLIER_REFUND_REMINDER",
                     *             "guard": null,
                     *             "targets": [],
                     *             "actions": [
                     *               "remindSupplierRefund",
                     *               "markSupplierRefundReminded"
                     *             ],
                     *             "timer": true
                     *           }
                     *         ],
                     *         "states": [
                     *           {
                     *             "path": "preShipment",
                     *             "key": "preShipment",
                     *             "type": "compound",
                     *             "initial": "preShipment.processing",
                     *             "description": "Ordered with the supplier, not yet shipped.",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": [
                     *               {
                     *                 "path": "preShipment.processing",
                     *                 "key": "processing",
                     *                 "type": "compound",
                     *                 "initial": "preShipment.processing.awaitingShipment",
                     *                 "description": "The supplier is to ship; overdue follow-up and supplier problems.",
                     *                 "waitsOn": null,
                     *                 "deadlines": [],
                     *                 "problem": null,
                     *                 "noDeadlineReason": null,
                     *                 "transitions": [
                     *                   {
                     *                     "event": "SHIPPED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "inTransit"
                     *                     ],
                     *                     "actions": [
                     *                       "recordShipment"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "STOCK_UNAVAILABLE",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.stockUnavailable"
                     *                     ],
                     *                     "actions": [
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "ITEM_OVERSIZED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.oversized"
                     *                     ],
                     *                     "actions": [
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "SUPPLIER_UNRESPONSIVE",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.supplierUnresponsive"
                     *                     ],
                     *                     "actions": [
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "SWITCH_SUPPLIER",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.awaitingShipment"
                     *                     ],
                     *                     "actions": [
                     *                       "switchSupplier"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "CANCEL_REQUESTED",
                     *                     "guard": "isDomestic",
                     *                     "targets": [
                     *                       "preShipment.intercepting"
                     *                     ],
                     *                     "actions": [
                     *                       "startInterception",
                     *                       "requestInterception"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": [
                     *                   {
                     *                     "path": "preShipment.processing.awaitingShipment",
                     *                     "key": "awaitingShipment",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Waiting for the supplier to ship by `shipBy`.",
                     *                     "waitsOn": "supplier",
                     *                     "deadlines": [
                     *                       {
                     *                         "name": "expediteAt",
                     *                         "event": "TIMER.EXPEDITE"
                     *                       },
                     *                       {
                     *                         "name": "switchSupplierAt",
                     *                         "event": "TIMER.SWITCH_SUPPLIER"
                     *                       }
                     *                     ],
                     *                     "problem": null,
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [
                     *                       {
                     *                         "event": "SUPPLIER_CONTACTED",
                     *                         "guard": null,
                     *                         "targets": [],
                     *                         "actions": [
                     *                           "recordNote"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "TIMER.EXPEDITE",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "preShipment.processing.expediting"
                     *                         ],
                     *                         "actions": [
                     *                           "requestExpedite"
                     *                         ],
                     *                         "timer": true
                     *                       },
                     *                       {
                     *                         "event": "TIMER.SWITCH_SUPPLIER",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "preShipment.processing.stockProblem"
                     *                         ],
                     *                         "actions": [
                     *                           "alertStockProblem"
                     *                         ],
                     *                         "timer": true
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.expediting",
                     *                     "key": "expediting",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Shipment 2 days overdue; the supplier was asked to expedite.",
                     *                     "waitsOn": "supplier",
                     *                     "deadlines": [
                     *                       {
                     *                         "name": "switchSupplierAt",
                     *                         "event": "TIMER.SWITCH_SUPPLIER"
                     *                       }
                     *                     ],
                     *                     "problem": {
                     *                       "code": "shipment_overdue",
                     *                       "rule": "R3",
                     *                       "title": "Shipment is 2 days overdue"
                     *                     },
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [
                     *                       {
                     *                         "event": "SUPPLIER_CONTACTED",
                     *                         "guard": null,
                     *                         "targets": [],
                     *                         "actions": [
                     *                           "recordNote"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "TIMER.SWITCH_SUPPLIER",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "preShipment.processing.stockProblem"
                     *                         ],
                     *                         "actions": [
                     *                           "alertStockProblem"
                     *                         ],
                     *                         "timer": true
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.stockProblem",
                     *                     "key": "stockProblem",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Shipment 4 days overdue.",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "stock_problem",
                     *                       "rule": "R4",
                     *                       "title": "Shipment is 4 days overdue: a deeper stock problem"
                     *                     },
                     *                     "noDeadlineReason": "R4 ends the overdue escalation: the seller decides between another supplier and a refund, and the seed sets no further deadline.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "SUPPLIER_CONTACTED",
                     *                         "guard": null,
                     *                         "targets": [],
                     *                         "actions": [
                     *                           "recordNote"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.stockUnavailable",
                     *                     "key": "stockUnavailable",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "The supplier has no stock.",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "stock_unavailable",
                     *                       "rule": "R1",
                     *                       "title": "No stock available"
                     *                     },
                     *                     "noDeadlineReason": "R1: the seller decides between a refund and another supplier; the seed sets no deadline for that choice.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.oversized",
                     *                     "key": "oversized",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "The item is oversized or overweight.",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "item_oversized",
                     *                       "rule": "R2",
                     *                       "title": "Item is oversized or overweight"
                     *                     },
                     *                     "noDeadlineReason": "R2 only recommends a refund; the seller decides when.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.supplierUnresponsive",
                     *                     "key": "supplierUnresponsive",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "The supplier does not answer.",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "supplier_unresponsive",
                     *                       "rule": "R5",
                     *                       "title": "Supplier does not respond"
                     *                     },
                     *                     "noDeadlineReason": "R5 recommends a refund at once; the seller sends it, no timer can decide for them.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "preShipment.processing.hist",
                     *                     "key": "hist",
                     *                     "type": "history",
                     *                     "initial": null,
                     *                     "description": null,
                     *                     "waitsOn": null,
                     *                     "deadlines": [],
                     *                     "problem": null,
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [],
                     *                     "states": []
                     *                   }
                     *                 ]
                     *               },
                     *               {
                     *                 "path": "preShipment.intercepting",
                     *                 "key": "intercepting",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "A domestic cancellation or wrong address: the order is being intercepted (R9).",
                     *                 "waitsOn": "supplier",
                     *                 "deadlines": [],
                     *                 "problem": {
                     *                   "code": "interception_pending",
                     *                   "rule": "R9",
                     *                   "title": "Cancellation or wrong address on a domestic order: interception under way"
                     *                 },
                     *                 "noDeadlineReason": "The supplier reports the outcome of the interception; the seed sets no time limit for it.",
                     *                 "transitions": [
                     *                   {
                     *                     "event": "INTERCEPT_SUCCEEDED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "refund"
                     *                     ],
                     *                     "actions": [
                     *                       "endInterception",
                     *                       "startRefund",
                     *                       "requestRefund"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "INTERCEPT_FAILED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "preShipment.processing.hist"
                     *                     ],
                     *                     "actions": [
                     *                       "endInterception",
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": []
                     *               }
                     *             ]
                     *           },
                     *           {
                     *             "path": "inTransit",
                     *             "key": "inTransit",
                     *             "type": "compound",
                     *             "initial": "inTransit.shipping",
                     *             "description": "Shipped; the carrier has the parcel.",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": [
                     *               {
                     *                 "path": "inTransit.shipping",
                     *                 "key": "shipping",
                     *                 "type": "compound",
                     *                 "initial": "inTransit.shipping.onTheWay",
                     *                 "description": "The parcel travels.",
                     *                 "waitsOn": null,
                     *                 "deadlines": [],
                     *                 "problem": null,
                     *                 "noDeadlineReason": null,
                     *                 "transitions": [
                     *                   {
                     *                     "event": "DELIVERED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "delivered"
                     *                     ],
                     *                     "actions": [
                     *                       "recordDelivery"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": [
                     *                   {
                     *                     "path": "inTransit.shipping.onTheWay",
                     *                     "key": "onTheWay",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "With the carrier.",
                     *                     "waitsOn": "carrier",
                     *                     "deadlines": [],
                     *                     "problem": null,
                     *                     "noDeadlineReason": "The carrier delivers; the seed sets no transit deadline, customs holds have their own reminders and escalation, and a lost parcel is reported (PARCEL_LOST).",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "CUSTOMS_HELD",
                     *                         "guard": "isInternational",
                     *                         "targets": [
                     *                           "inTransit.shipping.customsHold"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "holdInCustoms",
                     *                           "sendCustomsReminder"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "CANCEL_REQUESTED",
                     *                         "guard": "isDomestic",
                     *                         "targets": [
                     *                           "inTransit.intercepting"
                     *                         ],
                     *                         "actions": [
                     *                           "startInterception",
                     *                           "requestInterception"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "PARCEL_LOST",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.lost"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "recordLoss"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "inTransit.shipping.customsHold",
                     *                     "key": "customsHold",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Held in customs; the seller is reminded to inform the buyer (R6), and hears once if the hold lasts too long (R13).",
                     *                     "waitsOn": "customs",
                     *                     "deadlines": [
                     *                       {
                     *                         "name": "customsReminderAt",
                     *                         "event": "TIMER.CUSTOMS_REMINDER"
                     *                       },
                     *                       {
                     *                         "name": "customsEscalateAt",
                     *                         "event": "TIMER.CUSTOMS_ESCALATE"
                     *                       }
                     *                     ],
                     *                     "problem": {
                     *                       "code": "customs_hold",
                     *                       "rule": "R6",
                     *                       "title": "Parcel held in customs"
                     *                     },
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [
                     *                       {
                     *                         "event": "CUSTOMS_CLEARED",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.onTheWay"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "leaveCustoms"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "PARCEL_LOST",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.lost"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "recordLoss"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "TIMER.CUSTOMS_REMINDER",
                     *                         "guard": null,
                     *                         "targets": [],
                     *                         "actions": [
                     *                           "repeatCustomsReminder",
                     *                           "sendCustomsReminder"
                     *                         ],
                     *                         "timer": true
                     *                       },
                     *                       {
                     *                         "event": "TIMER.CUSTOMS_ESCALATE",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.customsEscalated"
                     *                         ],
                     *                         "actions": [
                     *                           "escalateCustomsHold",
                     *                           "escalateCustoms"
                     *                         ],
                     *                         "timer": true
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "inTransit.shipping.customsEscalated",
                     *                     "key": "customsEscalated",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "Held in customs for longer than CUSTOMS_ESCALATE_AFTER_DAYS; the seller was told once (R13).",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "customs_escalated",
                     *                       "rule": "R13",
                     *                       "title": "Parcel held in customs for too long"
                     *                     },
                     *                     "noDeadlineReason": "R13 escalates once: the seller decides between waiting for clearance, a reship and a refund, and the order shows the problem until then.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "CUSTOMS_CLEARED",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.onTheWay"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "leaveCustoms"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "PARCEL_LOST",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "inTransit.shipping.lost"
                     *                         ],
                     *                         "actions": [
                     *                           "recordNote",
                     *                           "recordLoss"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_RESHIP",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "reship"
                     *                         ],
                     *                         "actions": [
                     *                           "recordLoss",
                     *                           "chooseReship"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "inTransit.shipping.lost",
                     *                     "key": "lost",
                     *                     "type": "atomic",
                     *                     "initial": null,
                     *                     "description": "The carrier confirmed the parcel lost (R13).",
                     *                     "waitsOn": "seller",
                     *                     "deadlines": [],
                     *                     "problem": {
                     *                       "code": "parcel_lost",
                     *                       "rule": "R13",
                     *                       "title": "The carrier lost the parcel"
                     *                     },
                     *                     "noDeadlineReason": "R13: the seller chooses a reship or a refund; the order shows the problem until then.",
                     *                     "transitions": [
                     *                       {
                     *                         "event": "REQUEST_RESHIP",
                     *                         "guard": null,
                     *                         "targets": [
                     *                           "reship"
                     *                         ],
                     *                         "actions": [
                     *                           "chooseReship"
                     *                         ],
                     *                         "timer": false
                     *                       },
                     *                       {
                     *                         "event": "REQUEST_REFUND",
                     *                         "guard": "canRefund",
                     *                         "targets": [
                     *                           "refund"
                     *                         ],
                     *                         "actions": [
                     *                           "startRefund",
                     *                           "requestRefund"
                     *                         ],
                     *                         "timer": false
                     *                       }
                     *                     ],
                     *                     "states": []
                     *                   },
                     *                   {
                     *                     "path": "inTransit.shipping.hist",
                     *                     "key": "hist",
                     *                     "type": "history",
                     *                     "initial": null,
                     *                     "description": null,
                     *                     "waitsOn": null,
                     *                     "deadlines": [],
                     *                     "problem": null,
                     *                     "noDeadlineReason": null,
                     *                     "transitions": [],
                     *                     "states": []
                     *                   }
                     *                 ]
                     *               },
                     *               {
                     *                 "path": "inTransit.intercepting",
                     *                 "key": "intercepting",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "A domestic cancellation or wrong address: the parcel is being intercepted (R9).",
                     *                 "waitsOn": "carrier",
                     *                 "deadlines": [],
                     *                 "problem": {
                     *                   "code": "interception_pending",
                     *                   "rule": "R9",
                     *                   "title": "Cancellation or wrong address on a domestic order: interception under way"
                     *                 },
                     *                 "noDeadlineReason": "The carrier reports the outcome of the interception; the seed sets no time limit for it.",
                     *                 "transitions": [
                     *                   {
                     *                     "event": "INTERCEPT_SUCCEEDED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "refund"
                     *                     ],
                     *                     "actions": [
                     *                       "endInterception",
                     *                       "startRefund",
                     *                       "requestRefund"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "INTERCEPT_FAILED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "inTransit.shipping.hist"
                     *                     ],
                     *                     "actions": [
                     *                       "endInterception",
                     *                       "recordNote"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": []
                     *               }
                     *             ]
                     *           },
                     *           {
                     *             "path": "delivered",
                     *             "key": "delivered",
                     *             "type": "atomic",
                     *             "initial": null,
                     *             "description": "Delivered; the buyer-protection window is open.",
                     *             "waitsOn": "buyer",
                     *             "deadlines": [
                     *               {
                     *                 "name": "protectionEndsAt",
                     *                 "event": "TIMER.PROTECTION_ENDED"
                     *               }
                     *             ],
                     *             "problem": null,
                     *             "noDeadlineReason": "Once the protection window has ended, the order waits only for an owed supplier refund (R15), which has its reminder.",
                     *             "transitions": [
                     *               {
                     *                 "event": "ISSUE_REPORTED",
                     *                 "guard": "protectionRunning",
                     *                 "targets": [
                     *                   "dispute"
                     *                 ],
                     *                 "actions": [
                     *                   "openClaim"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "TIMER.PROTECTION_ENDED",
                     *                 "guard": "noSupplierRefundOwed",
                     *                 "targets": [
                     *                   "completed"
                     *                 ],
                     *                 "actions": [
                     *                   "setOutcomeOfDelivery"
                     *                 ],
                     *                 "timer": true
                     *               },
                     *               {
                     *                 "event": "TIMER.PROTECTION_ENDED",
                     *                 "guard": null,
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "endProtectionOwed"
                     *                 ],
                     *                 "timer": true
                     *               },
                     *               {
                     *                 "event": "SUPPLIER_REFUNDED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "completed"
                     *                 ],
                     *                 "actions": [
                     *                   "settleSupplierRefund",
                     *                   "recordNote",
                     *                   "setOutcomeOfDelivery"
                     *                 ],
                     *                 "timer": false
                     *               }
                     *             ],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "dispute",
                     *             "key": "dispute",
                     *             "type": "atomic",
                     *             "initial": null,
                     *             "description": "The buyer reported wrong, missing or damaged items (R7, R8); evidence is due.",
                     *             "waitsOn": "buyer",
                     *             "deadlines": [
                     *               {
                     *                 "name": "evidenceDueAt",
                     *                 "event": "TIMER.EVIDENCE_DUE"
                     *               }
                     *             ],
                     *             "problem": {
                     *               "code": "evidence_needed",
                     *               "rule": "R7",
                     *               "title": "Buyer reported wrong, missing or damaged items"
                     *             },
                     *             "noDeadlineReason": null,
                     *             "transitions": [
                     *               {
                     *                 "event": "EVIDENCE_SUBMITTED",
                     *                 "guard": null,
                     *                 "targets": [
                     *                   "verification"
                     *                 ],
                     *                 "actions": [
                     *                   "addEvidence",
                     *                   "requestVerification"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "TIMER.EVIDENCE_DUE",
                     *                 "guard": null,
                     *                 "targets": [
                     *                   "delivered"
                     *                 ],
                     *                 "actions": [
                     *                   "notifyClaimClosed",
                     *                   "closeClaimForMissingEvidence"
                     *                 ],
                     *                 "timer": true
                     *               }
                     *             ],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "verification",
                     *             "key": "verification",
                     *             "type": "compound",
                     *             "initial": "verification.awaitingPlatform",
                     *             "description": "Evidence submitted; the platform verifies (R7).",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": [
                     *               {
                     *                 "path": "verification.awaitingPlatform",
                     *                 "key": "awaitingPlatform",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "The platform verifies the evidence.",
                     *                 "waitsOn": "platform",
                     *                 "deadlines": [],
                     *                 "problem": {
                     *                   "code": "verification_pending",
                     *                   "rule": "R7",
                     *                   "title": "The platform is verifying the evidence"
                     *                 },
                     *                 "noDeadlineReason": "The seed gives the platform no time limit; the 15 working days start at approval.",
                     *                 "transitions": [
                     *                   {
                     *                     "event": "EVIDENCE_SUBMITTED",
                     *                     "guard": null,
                     *                     "targets": [],
                     *                     "actions": [
                     *                       "addEvidence"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "VERIFICATION_APPROVED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "verification.awaitingResolution"
                     *                     ],
                     *                     "actions": [
                     *                       "approveClaim"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "VERIFICATION_REJECTED",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "verification.rejected"
                     *                     ],
                     *                     "actions": [
                     *                       "rejectClaim"
                     *                     ],
                     *                     "timer": false
                     *                   }
                     *                 ],
                     *                 "states": []
                     *               },
                     *               {
                     *                 "path": "verification.rejected",
                     *                 "key": "rejected",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "The platform rejected the claim; the order returns to its protection window at once.",
                     *                 "waitsOn": null,
                     *                 "deadlines": [],
                     *                 "problem": null,
                     *                 "noDeadlineReason": null,
                     *                 "transitions": [],
                     *                 "states": []
                     *               },
                     *               {
                     *                 "path": "verification.awaitingResolution",
                     *                 "key": "awaitingResolution",
                     *                 "type": "atomic",
                     *                 "initial": null,
                     *                 "description": "Verified: the seller chooses a reship or a refund, due within 15 working days.",
                     *                 "waitsOn": "seller",
                     *                 "deadlines": [
                     *                   {
                     *                     "name": "resolutionDueAt",
                     *                     "event": "TIMER.RESOLUTION_DUE"
                     *                   }
                     *                 ],
                     *                 "problem": {
                     *                   "code": "resolution_due",
                     *                   "rule": "R7",
                     *                   "title": "Claim verified: reship or refund within 15 working days"
                     *                 },
                     *                 "noDeadlineReason": null,
                     *                 "transitions": [
                     *                   {
                     *                     "event": "REQUEST_RESHIP",
                     *                     "guard": null,
                     *                     "targets": [
                     *                       "reship"
                     *                     ],
                     *                     "actions": [
                     *                       "chooseReship"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "REQUEST_REFUND",
                     *                     "guard": "canRefund",
                     *                     "targets": [
                     *                       "refund"
                     *                     ],
                     *                     "actions": [
                     *                       "startRefund",
                     *                       "requestRefund"
                     *                     ],
                     *                     "timer": false
                     *                   },
                     *                   {
                     *                     "event": "TIMER.RESOLUTION_DUE",
                     *                     "guard": "resolutionArmed",
                     *                     "targets": [],
                     *                     "actions": [
                     *                       "escalate",
                     *                       "escalateResolution"
                     *                     ],
                     *                     "timer": true
                     *                   }
                     *                 ],
                     *                 "states": []
                     *               }
                     *             ]
                     *           },
                     *           {
                     *             "path": "reship",
                     *             "key": "reship",
                     *             "type": "atomic",
                     *             "initial": null,
                     *             "description": "A replacement shipment is being prepared (R7, R13).",
                     *             "waitsOn": "supplier",
                     *             "deadlines": [
                     *               {
                     *                 "name": "resolutionDueAt",
                     *                 "event": "TIMER.RESOLUTION_DUE"
                     *               }
                     *             ],
                     *             "problem": {
                     *               "code": "reship_due",
                     *               "rule": "R7",
                     *               "title": "A replacement shipment is being prepared"
                     *             },
                     *             "noDeadlineReason": "A reship after a lost parcel or a customs hold (R13) has no deadline in the rules; after a verified claim the resolution deadline applies.",
                     *             "transitions": [
                     *               {
                     *                 "event": "RESHIPPED",
                     *                 "guard": null,
                     *                 "targets": [
                     *                   "inTransit"
                     *                 ],
                     *                 "actions": [
                     *                   "recordReshipment"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REQUEST_REFUND",
                     *                 "guard": "canRefund",
                     *                 "targets": [
                     *                   "refund"
                     *                 ],
                     *                 "actions": [
                     *                   "startRefund",
                     *                   "requestRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "TIMER.RESOLUTION_DUE",
                     *                 "guard": "resolutionArmed",
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "escalate",
                     *                   "escalateResolution"
                     *                 ],
                     *                 "timer": true
                     *               }
                     *             ],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "refund",
                     *             "key": "refund",
                     *             "type": "atomic",
                     *             "initial": null,
                     *             "description": "A refund is being executed, or the replaced supplier still owes the refund of the original order (R15).",
                     *             "waitsOn": "supplier",
                     *             "deadlines": [
                     *               {
                     *                 "name": "resolutionDueAt",
                     *                 "event": "TIMER.RESOLUTION_DUE"
                     *               }
                     *             ],
                     *             "problem": {
                     *               "code": "refund_due",
                     *               "rule": "R11",
                     *               "title": "A refund is being executed"
                     *             },
                     *             "noDeadlineReason": "A refund outside a verified claim (R1, R2, R4, R5, R9, R13) has no deadline in the rules; after a verified claim the resolution deadline applies; an owed supplier refund has its reminder.",
                     *             "transitions": [
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "refunded"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund",
                     *                   "setOutcome"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "preShipment.processing.awaitingShipment"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "preShipment.processing.expediting"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "preShipment.processing.stockProblem"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "delivered"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "settlesRefund",
                     *                 "targets": [
                     *                   "inTransit.shipping.hist"
                     *                 ],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "REFUND_ISSUED",
                     *                 "guard": "partOfRefund",
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "recordRefund"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "SUPPLIER_REFUNDED",
                     *                 "guard": "and",
                     *                 "targets": [
                     *                   "refunded"
                     *                 ],
                     *                 "actions": [
                     *                   "settleSupplierRefund",
                     *                   "recordNote",
                     *                   "setOutcome"
                     *                 ],
                     *                 "timer": false
                     *               },
                     *               {
                     *                 "event": "TIMER.RESOLUTION_DUE",
                     *                 "guard": "resolutionArmed",
                     *                 "targets": [],
                     *                 "actions": [
                     *                   "escalate",
                     *                   "escalateResolution"
                     *                 ],
                     *                 "timer": true
                     *               }
                     *             ],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "refunded",
                     *             "key": "refunded",
                     *             "type": "final",
                     *             "initial": null,
                     *             "description": "Final: money returned, nothing owed to anyone.",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": []
                     *           },
                     *           {
                     *             "path": "completed",
                     *             "key": "completed",
                     *             "type": "final",
                     *             "initial": null,
                     *             "description": "Final: ended without a refund, nothing owed to anyone.",
                     *             "waitsOn": null,
                     *             "deadlines": [],
                     *             "problem": null,
                     *             "noDeadlineReason": null,
                     *             "transitions": [],
                     *             "states": []
                     *           }
                     *         ]
                     *       },
                     *       "clientEvents": [
                     *         "SHIPPED",
                     *         "STOCK_UNAVAILABLE",
                     *         "ITEM_OVERSIZED",
                     *         "SUPPLIER_CONTACTED",
                     *         "SUPPLIER_UNRESPONSIVE",
                     *         "SWITCH_SUPPLIER",
                     *         "REQUEST_REFUND",
                     *         "CANCEL_REQUESTED",
                     *         "INTERCEPT_SUCCEEDED",
                     *         "INTERCEPT_FAILED",
                     *         "CUSTOMS_HELD",
                     *         "CUSTOMS_CLEARED",
                     *         "DELIVERED",
                     *         "ISSUE_REPORTED",
                     *         "EVIDENCE_SUBMITTED",
                     *         "VERIFICATION_APPROVED",
                     *         "VERIFICATION_REJECTED",
                     *         "REQUEST_RESHIP",
                     *         "RESHIPPED",
                     *         "REFUND_ISSUED",
                     *         "PARCEL_LOST",
                     *         "SUPPLIER_REFUNDED"
                     *       ],
                     *       "timerEvents": [
                     *         "TIMER.EXPEDITE",
                     *         "TIMER.SWITCH_SUPPLIER",
                     *         "TIMER.CUSTOMS_REMINDER",
                     *         "TIMER.PROTECTION_ENDED",
                     *         "TIMER.EVIDENCE_DUE",
                     *         "TIMER.RESOLUTION_DUE",
                     *         "TIMER.CUSTOMS_ESCALATE",
                     *         "TIMER.SUPPLIER_REFUND_REMINDER"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["MachineGraph"];
                };
            };
            /** @description No such version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
        };
    };
    getMachineVersionChanges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A version number of the machine */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "from": 1,
                     *       "to": 2,
                     *       "states": {
                     *         "added": [
                     *           "preShipment.processing.stockShortage"
                     *         ],
                     *         "removed": [],
                     *         "renamed": [
                     *           {
                     *             "from": "preShipment.processing.stockProblem",
                     *             "to": "preShipment.processing.stockShortage"
                     *           }
                     *         ]
                     *       },
                     *       "events": {
                     *         "added": [],
                     *         "removed": [],
                     *         "renamed": []
                     *       },
                     *       "transitions": {
                     *         "added": [],
                     *         "removed": []
                     *       },
                     *       "deadlines": {
                     *         "added": [],
                     *         "removed": []
                     *       },
                     *       "migration": [
                     *         {
                     *           "from": "preShipment.processing.stockProblem",
                     *           "to": [
                     *             "preShipment.processing.stockShortage"
                     *           ],
                     *           "by": "state"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["VersionChanges"];
                };
            };
            /** @description No such version, or the first version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
        };
    };
    getMachineCensus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The census */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "machine": "order",
                     *       "newest": 2,
                     *       "total": 1,
                     *       "versions": [
                     *         {
                     *           "version": 2,
                     *           "known": true,
                     *           "total": 1,
                     *           "states": [
                     *             {
                     *               "state": "preShipment.processing.awaitingShipment",
                     *               "count": 1
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "afterMigration": {
                     *         "version": 2,
                     *         "states": [
                     *           {
                     *             "state": "preShipment.processing.awaitingShipment",
                     *             "count": 1,
                     *             "from": [
                     *               {
                     *                 "version": 2,
                     *                 "state": "preShipment.processing.awaitingShipment",
                     *                 "count": 1
                     *               }
                     *             ]
                     *           }
                     *         ],
                     *         "uncertain": [],
                     *         "unmigratable": []
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["VersionCensus"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "id": "key_5f0c2a9e1b7d3c48",
                     *           "tenant": "shop-a",
                     *           "name": "store back-end",
                     *           "scopes": [
                     *             "orders:read",
                     *             "orders:write"
                     *           ],
                     *           "createdAt": "2026-03-02T01:00:00.000Z",
                     *           "revokedAt": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "tenant": "shop-a",
                 *       "scopes": [
                 *         "orders:read",
                 *         "orders:write"
                 *       ],
                 *       "name": "store back-end"
                 *     }
                 */
                "application/json": components["schemas"]["NewApiKey"];
            };
        };
        responses: {
            /** @description Created: send `key` as "Authorization: Bearer <key>" */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "key_5f0c2a9e1b7d3c48",
                     *       "tenant": "shop-a",
                     *       "name": "store back-end",
                     *       "scopes": [
                     *         "orders:read",
                     *         "orders:write"
                     *       ],
                     *       "createdAt": "2026-03-02T01:00:00.000Z",
                     *       "revokedAt": null,
                     *       "key": "ask_3q2-7wEvtfV8hI2lXDeCcWg1mYqFzJ0b"
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            /** @description Not an admin key, or a key of another tenant than the default naming another tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            /** @description No such key not yet revoked (of your tenant) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            421: components["responses"]["Problem421"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Problem503"];
        };
    };
    stateChangedNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "state.changed",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 2,
                 *         "event": "SHIPPED",
                 *         "source": "client",
                 *         "fromState": "preShipment.processing.awaitingShipment",
                 *         "toState": "inTransit.shipping.onTheWay",
                 *         "at": "2026-03-02T01:01:00.000Z"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StateChangedNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    expediteRequestedNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "expedite.requested",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ExpediteRequestedNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    stockProblemNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "stock.problem",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StockProblemNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    customsReminderNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "customs.reminder",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CustomsReminderNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    interceptionRequestedNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "interception.requested",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["InterceptionRequestedNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verificationRequestedNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "verification.requested",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["VerificationRequestedNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    refundRequestedNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "refund.requested",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RefundRequestedNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resolutionEscalatedNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "resolution.escalated",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ResolutionEscalatedNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    customsEscalatedNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "customs.escalated",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CustomsEscalatedNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    supplierRefundReminderNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "supplier_refund.reminder",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["SupplierRefundReminderNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    claimClosedNotification: {
        parameters: {
            query?: never;
            header: {
                /** @description The notification id: the same on every retry, so a receiver can deduplicate */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "claim.closed",
                 *       "timestamp": "2026-03-02T01:01:00.000Z",
                 *       "data": {
                 *         "orderId": "model-domestic",
                 *         "version": 3,
                 *         "action": "effect"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ClaimClosedNotification"];
            };
        };
        responses: {
            /** @description Received (any 2xx acknowledges) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
