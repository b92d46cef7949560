package news.flashwire.push.delivery.webhook;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * One signed webhook POST, ready to be written (again, when a kept-alive connection turned out closed). The body and
 * its length are the alert's, shared by all its webhooks (the body an unreleasable direct buffer, of which each request
 * writes a duplicate, so the transport copies nothing); the request adds its id, timestamp and signature.
 */
record WebhookRequest(String path, ByteBuf body, AsciiString length, String id, long timestamp, String signature) {

	static final AsciiString WEBHOOK_ID = AsciiString.cached("webhook-id");

	static final AsciiString WEBHOOK_TIMESTAMP = AsciiString.cached("webhook-timestamp");

	static final AsciiString WEBHOOK_SIGNATURE = AsciiString.cached("webhook-signature");

	// Our names are constants and need no check per request; values are still checked.
	private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory()
		.withNameValidation(false);

	FullHttpRequest toHttp(AsciiString host) {
		HttpHeaders headers = HEADERS.newHeaders();
		headers.add(HttpHeaderNames.HOST, host);
		headers.add(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
		headers.add(HttpHeaderNames.CONTENT_LENGTH, length);
		headers.add(WEBHOOK_ID, id);
		headers.add(WEBHOOK_TIMESTAMP, Long.toString(timestamp));
		headers.add(WEBHOOK_SIGNATURE, signature);
		return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, body.duplicate(), headers,
				EmptyHttpHeaders.INSTANCE);
	}
}
