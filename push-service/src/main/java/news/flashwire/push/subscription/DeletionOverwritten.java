package news.flashwire.push.subscription;

/**
 * A subscription was written after its deletion: a change read before the deletion and written after it (a webhook
 * disabled after a dead letter, an owner's change from another instance). Ids are never reused, so the deletion
 * stands and is written again.
 */
record DeletionOverwritten(String subscriptionId) {
}
