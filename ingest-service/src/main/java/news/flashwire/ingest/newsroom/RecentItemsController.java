package news.flashwire.ingest.newsroom;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.story.StoryLedger;

/**
 * The newsroom's recent items, newest change first, from what this instance knows of every story: the held ones (with
 * their embargo) and the published ones.
 */
@RestController
class RecentItemsController {

	private static final int MAX_LIMIT = 200;

	private static final String PROVIDER = "newsroom";

	private final StoryLedger ledger;

	private final EmbargoHold hold;

	RecentItemsController(StoryLedger ledger, EmbargoHold hold) {
		this.ledger = ledger;
		this.hold = hold;
	}

	@GetMapping("/v1/newsroom/items")
	List<RecentItem> recent(@RequestParam(defaultValue = "50") int limit) {
		int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
		List<RecentItem> held = hold.held(PROVIDER).stream().map(RecentItem::held).toList();
		// A held version of an item already published (held again with a later embargo) shows as held.
		Set<String> heldIds = held.stream().map(RecentItem::storyId).collect(Collectors.toSet());
		Stream<RecentItem> published = ledger.recent(PROVIDER, bounded)
			.stream()
			.map(RecentItem::of)
			.filter(item -> !heldIds.contains(item.storyId()));
		return Stream.concat(held.stream(), published)
			.sorted(Comparator.comparing(RecentItem::changedAt).reversed())
			.limit(bounded)
			.toList();
	}
}
