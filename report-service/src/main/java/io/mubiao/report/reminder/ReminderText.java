package io.mubiao.report.reminder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.mubiao.report.delivery.DeliveryStore;
import io.mubiao.report.delivery.Rendered;

/** The words of a reminder, in zh-CN or en: one line per item, plain text. */
public final class ReminderText {

    public static Rendered of(String unitName, LocalDate day, LocalTime cutOff, List<ReminderSelection.Item> items,
            String lang) {
        boolean zh = !"en".equals(lang);
        StringBuilder body = new StringBuilder();
        body.append(zh ? unitName + "：\n" : unitName + ":\n");
        for (ReminderSelection.Item item : items) {
            body.append("- ").append(zh ? zh(item, day, cutOff) : en(item, day, cutOff)).append('\n');
        }
        body.append(zh ? "请抓紧报送数据、加快工作进度。\n" : "Please report and catch up.\n");
        String subject = zh ? "【督促提醒】" + unitName + " " + zhDay(day) : "Reminder: " + unitName + ", " + day;
        return new Rendered(DeliveryStore.TEXT, body.toString(), subject);
    }

    private static String zh(ReminderSelection.Item item, LocalDate day, LocalTime cutOff) {
        return switch (item.reason()) {
            case NOT_REPORTED -> item.name() + "：截至" + zhDay(day) + cutOff + "未报送当日数据（"
                    + (item.lastReport() == null ? "从未报送" : "最近一次报送为" + zhDay(item.lastReport())) + "）。";
            case BEHIND_MILESTONE -> item.name() + "：距" + zhDay(item.due()) + plain(item.milestoneValue()) + unit(item)
                    + "的阶段目标还差" + plain(item.gap()) + ("%".equals(item.unit()) ? "个百分点" : unit(item)) + "，剩余"
                    + item.daysLeft() + "天。";
        };
    }

    private static String en(ReminderSelection.Item item, LocalDate day, LocalTime cutOff) {
        return switch (item.reason()) {
            case NOT_REPORTED -> item.name() + ": no report dated " + day + " by " + cutOff + " ("
                    + (item.lastReport() == null ? "never reported" : "last report " + item.lastReport()) + ").";
            case BEHIND_MILESTONE -> item.name() + ": " + plain(item.gap())
                    + ("%".equals(item.unit()) ? " points" : " " + unit(item)) + " short of the milestone of "
                    + plain(item.milestoneValue()) + unit(item) + " due " + item.due() + ", " + item.daysLeft()
                    + (item.daysLeft() == 1 ? " day" : " days") + " left.";
        };
    }

    private static String zhDay(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static String unit(ReminderSelection.Item item) {
        return item.unit() == null ? "" : item.unit();
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private ReminderText() {
    }
}
