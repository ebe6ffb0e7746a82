#include "mdp/deid/SyntheticReportPdf.h"

#include "mdp/deid/Identifiers.h"

#include <QBuffer>
#include <QDate>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>

namespace mdp::deid {

namespace {

constexpr int kPictureDpi = 150;

QFont reportFont(int pixels, bool bold, bool latinInCjkFont)
{
    // Pixel sizes, with one unit one point on every device the page is drawn on (the PDF at 72 dpi,
    // the scanned picture through a scale), so the placed rectangles agree on both.
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC"),
                      QStringLiteral("Noto Sans SC"), QStringLiteral("WenQuanYi Micro Hei")});
    if (latinInCjkFont)
        font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC")});
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

QString digits(QRandomGenerator &rng, int n)
{
    QString s;
    for (int i = 0; i < n; ++i)
        s.append(QChar(u'0' + int(rng.bounded(10))));
    return s;
}

QString bankCard(QRandomGenerator &rng)
{
    const QString body = QStringLiteral("6222") + digits(rng, 14);
    for (int check = 0; check < 10; ++check) {
        const QString card = body + QChar(u'0' + check);
        if (passesLuhn(card)) {
            QString grouped;
            for (qsizetype i = 0; i < card.size(); i += 4)
                grouped += (i ? QStringLiteral(" ") : QString()) + card.mid(i, 4);
            return grouped;
        }
    }
    return {};
}

struct PageIdentifiers
{
    QString residentId;
    QString mobile;
    QString email;
    QString card;
    QString relativeMobile;
};

PageIdentifiers identifiersFor(quint32 seed, int page)
{
    QRandomGenerator rng(seed * 7919u + quint32(page));
    PageIdentifiers ids;
    ids.residentId = syntheticResidentId(seed * 131u + quint32(page));
    ids.mobile = QStringLiteral("13") + QChar(u'5' + int(rng.bounded(5))) + digits(rng, 8);
    ids.email = QStringLiteral("case%1.p%2@example.com").arg(seed).arg(page + 1);
    ids.card = bankCard(rng);
    ids.relativeMobile = QStringLiteral("18") + QChar(u'6' + int(rng.bounded(4))) + digits(rng, 8);
    return ids;
}

// Draws `label` then `value` at the baseline `at`, recording where the value's glyphs are.
using Role = PlacedText::Role;

void drawField(QPainter &p, QPointF at, const QString &label, const QString &value, Role role, int page,
               bool inTextLayer, QList<PlacedText> &placed)
{
    const QFontMetricsF fm(p.font(), p.device());
    p.drawText(at, label);
    const QPointF valueAt(at.x() + fm.horizontalAdvance(label), at.y());
    p.drawText(valueAt, value);
    if (!label.isEmpty()) {
        placed.append(PlacedText{
            page, label, QRectF(at.x(), at.y() - fm.ascent(), fm.horizontalAdvance(label), fm.height()),
            value.isEmpty() ? role : Role::Other, inTextLayer});
    }
    if (!value.isEmpty()) {
        placed.append(PlacedText{
            page, value,
            QRectF(valueAt.x(), valueAt.y() - fm.ascent(), fm.horizontalAdvance(value), fm.height()), role,
            inTextLayer});
    }
}

// One page of a discharge summary, in points on an A4 sheet.
void paintReport(QPainter &p, int page, int pages, const SyntheticReportOptions &options, bool inTextLayer,
                 QList<PlacedText> &placed)
{
    const quint32 seed = options.seed;
    const auto reportFont = [&](int pixels, bool bold = false) {
        return mdp::deid::reportFont(pixels, bold, options.latinInCjkFont);
    };
    const PageIdentifiers ids = identifiersFor(seed, page);
    const qreal left = 56;
    const qreal right = 595 - 56;
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x1d, 0x6f, 0xb8), 1.2));
    p.drawLine(QPointF(left, 40), QPointF(right, 40));

    p.setPen(QColor(0x10, 0x26, 0x3b));
    p.setFont(reportFont(16, true));
    drawField(p, QPointF(left, 70), QString(), QStringLiteral("MDP 示范医院 出院小结（合成数据）"),
              Role::Other, page, inTextLayer, placed);

    p.setPen(Qt::black);
    p.setFont(reportFont(11));
    qreal y = 110;
    const qreal step = 22;
    drawField(p, QPointF(left, y), QStringLiteral("患者：测试患者%1  性别：女  年龄：52岁  ").arg(seed),
              QString(), Role::Other, page, inTextLayer, placed);
    y += step;
    drawField(p, QPointF(left, y), QStringLiteral("身份证号："), ids.residentId, Role::Identifier, page,
              inTextLayer, placed);
    y += step;
    drawField(p, QPointF(left, y), QStringLiteral("联系电话："), ids.mobile, Role::Identifier, page,
              inTextLayer, placed);
    drawField(p, QPointF(left + 240, y), QStringLiteral("电子邮箱："), ids.email, Role::Identifier, page,
              inTextLayer, placed);
    y += step;
    drawField(p, QPointF(left, y), QStringLiteral("银行卡号："), ids.card, Role::Identifier, page,
              inTextLayer, placed);
    y += step;
    drawField(p, QPointF(left, y), QStringLiteral("家属联系方式：+86 "), ids.relativeMobile, Role::Identifier,
              page, inTextLayer, placed);
    y += step * 1.5;

    const QStringList narrative = {
        QStringLiteral("入院诊断：左乳浸润性导管癌（cT2N1M0），三阴性。"),
        QStringLiteral("诊疗经过：行新辅助化疗四周期，耐受可，复查超声示肿块缩小约百分之四十。"),
        QStringLiteral("出院医嘱：定期复查血常规及肝肾功能，如有发热及时就诊。"),
    };
    for (const QString &line : narrative) {
        drawField(p, QPointF(left, y), line, QString(), Role::Clinical, page, inTextLayer, placed);
        y += step;
    }

    // A small table of results with thin rules.
    y += 10;
    const QList<QStringList> rows = {
        {QStringLiteral("项目"), QStringLiteral("结果"), QStringLiteral("参考范围")},
        {QStringLiteral("血红蛋白"), QStringLiteral("121 g/L"), QStringLiteral("115-150")},
        {QStringLiteral("白细胞"), QStringLiteral("5.6 ×10⁹/L"), QStringLiteral("3.5-9.5")},
        {QStringLiteral("血小板"), QStringLiteral("233 ×10⁹/L"), QStringLiteral("125-350")},
    };
    const qreal rowHeight = 20;
    const qreal colWidth = (right - left) / 3;
    p.setPen(QPen(QColor(0x55, 0x55, 0x55), 0.75));
    for (int r = 0; r <= rows.size(); ++r)
        p.drawLine(QPointF(left, y + r * rowHeight), QPointF(right, y + r * rowHeight));
    for (int c = 0; c <= 3; ++c)
        p.drawLine(QPointF(left + c * colWidth, y),
                   QPointF(left + c * colWidth, y + rows.size() * rowHeight));
    p.setPen(Qt::black);
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < 3; ++c)
            drawField(p, QPointF(left + c * colWidth + 6, y + r * rowHeight + 14), rows[r][c], QString(),
                      Role::Clinical, page, inTextLayer, placed);

    p.setFont(reportFont(9));
    p.setPen(QColor(0x5f, 0x6b, 0x7a));
    drawField(p, QPointF(left, 800), QStringLiteral("第 %1 页 / 共 %2 页").arg(page + 1).arg(pages),
              QString(), Role::Other, page, inTextLayer, placed);
}

// A picture of an identity card: text that is in no text layer.
QImage idCardPicture(quint32 seed, int page, QPointF origin, QList<PlacedText> &placed)
{
    const QSizeF points(240, 150);
    const double scale = kPictureDpi / 72.0;
    QImage image((points * scale).toSize(), QImage::Format_RGB32);
    image.fill(QColor(0xdd, 0xe8, 0xf0));
    QPainter p(&image);
    p.scale(scale, scale);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::black);
    p.setFont(reportFont(12, true, false));
    QList<PlacedText> inside;
    drawField(p, QPointF(12, 30), QStringLiteral("姓名 "), QStringLiteral("测试甲"), Role::Other, page, false,
              inside);
    p.setFont(reportFont(11, false, false));
    drawField(p, QPointF(12, 120), QString(), syntheticResidentId(seed * 977u + quint32(page)),
              Role::Identifier, page, false, inside);
    for (PlacedText &t : inside) {
        t.rect.translate(origin);
        placed.append(t);
    }
    return image;
}

} // namespace

QString syntheticResidentId(quint32 seed)
{
    QRandomGenerator rng(seed);
    const QDate born = QDate(1950, 1, 1).addDays(rng.bounded(20000));
    const QString body = QStringLiteral("110105") + born.toString(QStringLiteral("yyyyMMdd")) +
                         QStringLiteral("%1").arg(rng.bounded(1000), 3, 10, QChar(u'0'));
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (body.at(i).unicode() - u'0') * kWeights[i];
    return body + QChar(u"10X98765432"[sum % 11]);
}

SyntheticReport syntheticReportPdf(const SyntheticReportOptions &options)
{
    SyntheticReport out;
    QBuffer buffer(&out.pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(72); // one unit is one point
    writer.setTitle(options.title);
    writer.setCreator(QStringLiteral("MDP synthetic report"));
    if (!options.title.isEmpty()) {
        const QString xmp =
            QStringLiteral(
                R"(<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>)"
                R"(<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF )"
                R"(xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">)"
                R"(<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">)"
                R"(<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%1</rdf:li></rdf:Alt></dc:title>)"
                R"(<dc:creator><rdf:Seq><rdf:li>%1</rdf:li></rdf:Seq></dc:creator>)"
                R"(</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>)")
                .arg(options.title.toHtmlEscaped());
        writer.setDocumentXmpMetadata(xmp.toUtf8());
        writer.addFileAttachment(QStringLiteral("contact.txt"), options.title.toUtf8(),
                                 QStringLiteral("text/plain"));
    }
    QPainter painter(&writer);
    for (int page = 0; page < options.pages; ++page) {
        if (page > 0)
            writer.newPage();
        if (options.scannedPages.contains(page)) {
            // The same page as a picture: what a scanner makes.
            const double scale = kPictureDpi / 72.0;
            QImage scan(QSize(int(595 * scale), int(842 * scale)), QImage::Format_RGB32);
            scan.fill(Qt::white);
            QPainter p(&scan);
            p.scale(scale, scale);
            paintReport(p, page, options.pages, options, false, out.texts);
            p.end();
            painter.drawImage(QRectF(0, 0, 595, 842), scan);
            continue;
        }
        paintReport(painter, page, options.pages, options, true, out.texts);
        if (options.picturePages.contains(page)) {
            const QPointF origin(300, 560);
            const QImage card = idCardPicture(options.seed, page, origin, out.texts);
            painter.drawImage(QRectF(origin, QSizeF(240, 150)), card);
        }
    }
    painter.end();
    return out;
}

} // namespace mdp::deid
