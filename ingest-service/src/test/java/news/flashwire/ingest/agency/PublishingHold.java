package news.flashwire.ingest.agency;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.List;

import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.embargo.Submission;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.Outcome;
import reactor.core.publisher.Mono;

/** Makes a mocked {@link EmbargoHold} publish every story it is given, alone or in a batch, as revision 1. */
final class PublishingHold {

	private PublishingHold() {
	}

	static void publishesWhatItIsGiven(EmbargoHold hold) {
		when(hold.submit(any(), any()))
			.thenAnswer(call -> Mono.just(published(call.<IncomingStory>getArgument(0))));
		when(hold.submitAll(any())).thenAnswer(call -> Mono.just(call.<List<Submission>>getArgument(0)
			.stream()
			.map(submission -> published(submission.story()))
			.toList()));
	}

	private static Outcome published(IncomingStory story) {
		return Outcome.of(story.storyId(), 1, "published");
	}
}
