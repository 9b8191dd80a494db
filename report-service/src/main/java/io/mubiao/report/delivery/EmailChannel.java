package io.mubiao.report.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Mails the circular through the configured SMTP server ({@code quarkus.mailer.*}): an HTML circular as an
 * HTML mail, Markdown and JSON as plain text; the delivery id in {@code X-Mubiao-Delivery}.
 */
@ApplicationScoped
public class EmailChannel {

    @Inject
    Mailer mailer;

    public void send(Parcel parcel, Rendered circular) {
        Mail mail = "html".equals(parcel.format())
                ? Mail.withHtml(parcel.address(), circular.subject(), circular.body())
                : Mail.withText(parcel.address(), circular.subject(), circular.body());
        mail.addHeader(WebhookChannel.DELIVERY_HEADER, parcel.delivery().toString());
        mailer.send(mail);
    }
}
