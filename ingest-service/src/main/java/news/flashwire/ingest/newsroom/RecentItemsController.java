package news.flashwire.ingest.newsroom;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.ingest.story.StoryLedger;

/** The newsroom's recent items, newest change first, from what this instance knows of every story. */
@RestController
class RecentItemsController {

	private static final int MAX_LIMIT = 200;

	private final StoryLedger ledger;

	RecentItemsController(StoryLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/v1/newsroom/items")
	List<RecentItem> recent(@RequestParam(defaultValue = "50") int limit) {
		int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
		return ledger.recent("newsroom", bounded).stream().map(RecentItem::of).toList();
	}
}
