package dev.newsdesk.article.images;

import dev.newsdesk.article.config.ImageSigningConfig;
import dev.newsdesk.article.config.LinksConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one {@link ImageUrls} of the service, from the image base and the signing key configured.
 * Built at start, so a key the image-service would refuse stops this service too, with the same message.
 */
@Dependent
class ImageUrlsProducer {

    @Produces
    @Singleton
    @Startup
    ImageUrls imageUrls(LinksConfig links, ImageSigningConfig signing) {
        return new ImageUrls(links.imageBase(), signing.imageSigningKey().orElse(null));
    }
}
