#pragma once

// Documents the viewer tests open, generated in memory: PDFs written with QPdfWriter into a
// QBuffer, images painted with QPainter, and hand-built hostile files. Nothing touches the disk.
// Names, numbers and findings are synthetic.

#include <QBuffer>
#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QStandardItemModel>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace mdp::viewer::testing {

inline QByteArray writePdf(int pages, const std::function<void(QPainter &, int page, QRectF paper)> &paint,
                           const QString &title = QString())
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(72); // one unit is one point
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("MDP viewer tests"));
    QPainter painter(&writer);
    const QRectF paper(QPointF(0, 0), QPageSize(QPageSize::A4).size(QPageSize::Point));
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        paint(painter, page, paper);
    }
    painter.end();
    return bytes;
}

inline QFont cjkFont(qreal points, bool bold = false)
{
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"),
                      QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("DejaVu Sans")});
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

// A two-page pathology report in Chinese: core-needle biopsy of the left breast, triple negative.
inline QByteArray pathologyReportPdf()
{
    const QColor navy(0x10, 0x26, 0x3b);
    const QColor rule(0xc5, 0xce, 0xd8);
    const QColor muted(0x5f, 0x6b, 0x7a);
    return writePdf(
        2,
        [&](QPainter &p, int page, QRectF paper) {
            const qreal left = 56;
            const qreal right = paper.width() - 56;
            const qreal width = right - left;
            p.setRenderHint(QPainter::Antialiasing);

            // Letterhead.
            p.fillRect(QRectF(0, 0, paper.width(), 6), QColor(0x1d, 0x6f, 0xb8));
            p.setPen(navy);
            p.setFont(cjkFont(10, true));
            p.drawText(QRectF(left, 30, width, 16), Qt::AlignLeft, QStringLiteral("MDP 示范医院 · 病理科"));
            p.setPen(muted);
            p.setFont(cjkFont(8));
            p.drawText(QRectF(left, 30, width, 16), Qt::AlignRight,
                       QStringLiteral("Demo Hospital · Department of Pathology"));
            p.setPen(navy);
            p.setFont(cjkFont(19, true));
            p.drawText(QRectF(left, 58, width, 30), Qt::AlignHCenter, QStringLiteral("病理诊断报告"));
            p.setPen(muted);
            p.setFont(cjkFont(9));
            p.drawText(QRectF(left, 88, width, 14), Qt::AlignHCenter, QStringLiteral("PATHOLOGY REPORT"));
            p.setPen(QPen(navy, 1.2));
            p.drawLine(QPointF(left, 112), QPointF(right, 112));

            auto field = [&](qreal x, qreal y, const QString &name, const QString &value) {
                p.setPen(muted);
                p.setFont(cjkFont(8.5));
                p.drawText(QPointF(x, y), name);
                p.setPen(navy);
                p.setFont(cjkFont(9.5));
                p.drawText(QPointF(x + 58, y), value);
            };
            auto section = [&](qreal y, const QString &heading) {
                p.setPen(navy);
                p.setFont(cjkFont(11, true));
                p.drawText(QPointF(left, y), heading);
                p.setPen(QPen(rule, 0.8));
                p.drawLine(QPointF(left, y + 6), QPointF(right, y + 6));
            };
            auto paragraph = [&](qreal y, qreal h, const QString &text) {
                p.setPen(QColor(0x1f, 0x29, 0x33));
                p.setFont(cjkFont(10));
                p.drawText(QRectF(left, y, width, h), Qt::TextWordWrap, text);
            };

            if (page == 0) {
                const qreal c2 = left + width / 3;
                const qreal c3 = left + 2 * width / 3;
                field(left, 134, QStringLiteral("病理号"), QStringLiteral("S2021-04417"));
                field(c2, 134, QStringLiteral("送检日期"), QStringLiteral("2021-03-08"));
                field(c3, 134, QStringLiteral("报告日期"), QStringLiteral("2021-03-11"));
                field(left, 154, QStringLiteral("研究编号"), QStringLiteral("P-7F3K9Q"));
                field(c2, 154, QStringLiteral("性别 / 年龄"), QStringLiteral("女 / 46 岁"));
                field(c3, 154, QStringLiteral("送检科室"), QStringLiteral("乳腺外科"));
                field(left, 174, QStringLiteral("标本"), QStringLiteral("左乳肿物 空芯针穿刺活检（4 条）"));
                p.setPen(QPen(rule, 0.8));
                p.drawLine(QPointF(left, 188), QPointF(right, 188));

                section(216, QStringLiteral("大体所见"));
                paragraph(230, 40,
                          QStringLiteral("灰白色条索状组织 4 条，长 0.8–1.5 cm，直径约 0.1 cm，全部取材，"
                                         "编号 A1–A2。"));
                section(290, QStringLiteral("镜下所见"));
                paragraph(304, 90,
                          QStringLiteral("肿瘤细胞呈实性巢团状及条索状浸润性生长，细胞异型性明显，核大深染，"
                                         "核仁清楚，核分裂象易见（>10 个/10HPF），可见灶性坏死。未见明确脉管"
                                         "内癌栓。间质见较多淋巴细胞浸润（TILs 约 30%）。"));
                section(414, QStringLiteral("病理诊断"));
                p.fillRect(QRectF(left, 428, width, 70), QColor(0xea, 0xf3, 0xfb));
                p.setPen(navy);
                p.setFont(cjkFont(12, true));
                p.drawText(QRectF(left + 14, 436, width - 28, 22), Qt::AlignLeft,
                           QStringLiteral("（左乳）浸润性导管癌，非特殊类型"));
                p.setFont(cjkFont(10));
                p.drawText(
                    QRectF(left + 14, 462, width - 28, 30), Qt::AlignLeft | Qt::TextWordWrap,
                    QStringLiteral("组织学分级 III 级（Nottingham 评分 8 分：腺管 3，核 3，核分裂 2）。"
                                   "免疫组化结果见第 2 页。"));
                section(532, QStringLiteral("备注"));
                paragraph(546, 50,
                          QStringLiteral("穿刺标本有限，最终分级及分期以手术切除标本为准。建议结合影像学"
                                         "及临床检查综合评估。"));
            } else {
                section(140, QStringLiteral("免疫组织化学"));
                const QStringList header{QStringLiteral("标志物"), QStringLiteral("结果"),
                                         QStringLiteral("判读")};
                const QList<QStringList> rows{
                    {QStringLiteral("ER"), QStringLiteral("阴性（0%）"), QStringLiteral("阴性")},
                    {QStringLiteral("PR"), QStringLiteral("阴性（0%）"), QStringLiteral("阴性")},
                    {QStringLiteral("HER2"), QStringLiteral("0"), QStringLiteral("阴性")},
                    {QStringLiteral("Ki-67"), QStringLiteral("约 60%"), QStringLiteral("高增殖")},
                    {QStringLiteral("AR"), QStringLiteral("阴性"), QStringLiteral("—")},
                    {QStringLiteral("CK5/6"), QStringLiteral("阳性"), QStringLiteral("基底样")},
                    {QStringLiteral("EGFR"), QStringLiteral("阳性"), QStringLiteral("基底样")},
                    {QStringLiteral("PD-L1 (22C3)"), QStringLiteral("CPS 15"), QStringLiteral("阳性")},
                };
                const std::array<qreal, 3> columns{left, left + width * 0.35, left + width * 0.68};
                qreal y = 160;
                p.fillRect(QRectF(left, y, width, 22), QColor(0xf1, 0xf4, 0xf7));
                p.setFont(cjkFont(9.5, true));
                p.setPen(navy);
                for (int c = 0; c < 3; ++c)
                    p.drawText(QRectF(columns[c] + 8, y, width / 3, 22), Qt::AlignVCenter, header[c]);
                y += 22;
                p.setFont(cjkFont(10));
                for (const QStringList &row : rows) {
                    p.setPen(QColor(0x1f, 0x29, 0x33));
                    for (int c = 0; c < 3; ++c)
                        p.drawText(QRectF(columns[c] + 8, y, width / 3, 22), Qt::AlignVCenter, row[c]);
                    p.setPen(QPen(QColor(0xe6, 0xeb, 0xf0), 0.6));
                    p.drawLine(QPointF(left, y + 22), QPointF(right, y + 22));
                    y += 22;
                }
                section(y + 36, QStringLiteral("分子分型"));
                p.setPen(navy);
                p.setFont(cjkFont(12, true));
                p.drawText(QPointF(left, y + 66), QStringLiteral("三阴性乳腺癌（TNBC），基底样亚型"));
                section(y + 110, QStringLiteral("临床分期参考"));
                paragraph(y + 124, 40,
                          QStringLiteral("影像学提示肿物最大径约 3.2 cm，同侧腋窝淋巴结肿大：cT2N1M0，"
                                         "临床分期 IIB 期。"));
                p.setPen(QPen(rule, 0.8));
                p.drawLine(QPointF(left, 700), QPointF(right, 700));
                field(left, 724, QStringLiteral("报告医师"), QStringLiteral("王敏"));
                field(left + width / 2, 724, QStringLiteral("审核医师"), QStringLiteral("陈立华"));
            }
            p.setPen(muted);
            p.setFont(cjkFont(8));
            p.drawText(QRectF(left, paper.height() - 40, width, 14), Qt::AlignHCenter,
                       QStringLiteral("第 %1 页 / 共 2 页 · 本报告仅对送检标本负责").arg(page + 1));
        },
        QStringLiteral("病理诊断报告"));
}

// Plain pages, so a test can see the watermark on otherwise white paper.
inline QByteArray blankPdf(int pages)
{
    return writePdf(pages, [](QPainter &, int, QRectF) {});
}

// Page halves in two colours: where a render lands shows whether it was placed correctly.
inline QByteArray twoColourPdf()
{
    return writePdf(1, [](QPainter &p, int, QRectF paper) {
        p.fillRect(QRectF(0, 0, paper.width() / 2, paper.height()), QColor(200, 30, 30));
        p.fillRect(QRectF(paper.width() / 2, 0, paper.width() / 2, paper.height()), QColor(30, 60, 200));
    });
}

inline QByteArray truncated(const QByteArray &bytes, double fraction = 0.6)
{
    return bytes.left(qsizetype(bytes.size() * fraction));
}

// A PDF whose standard security handler wants a user password: the /U entry matches no password
// (in particular not the empty one), so a reader must ask for it.
inline QByteArray passwordProtectedPdf()
{
    QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    QList<qsizetype> offsets;
    auto object = [&](const QByteArray &body) {
        offsets << pdf.size();
        pdf += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    const QByteArray o(32, '\x5a');
    const QByteArray u(32, '\xa5');
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
    object("<< /Filter /Standard /V 1 /R 2 /O <" + o.toHex() + "> /U <" + u.toHex() + "> /P -44 >>");
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    const QByteArray id = QByteArray(16, '\x42').toHex();
    pdf += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) +
           " /Root 1 0 R /Encrypt 4 0 R /ID [<" + id + "> <" + id + ">] >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

inline QByteArray encode(const QImage &image, const char *format, int quality = 92)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    writer.write(image);
    return bytes;
}

inline quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (char ch : data) {
        crc ^= quint8(ch);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A well-formed PNG whose header claims 100000 x 100000 pixels (40 GB decoded) with a valid CRC.
inline QByteArray hugeDimensionPng()
{
    QImage tiny(1, 1, QImage::Format_RGB32);
    tiny.fill(Qt::white);
    QByteArray png = encode(tiny, "png");
    // Signature (8), then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4), ...; CRC
    // over type and data follows the 13 data bytes.
    qToBigEndian<quint32>(100000, png.data() + 16);
    qToBigEndian<quint32>(100000, png.data() + 20);
    qToBigEndian<quint32>(crc32(png.mid(12, 17)), png.data() + 29);
    return png;
}

inline QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    bytes[0] = 'x'; // never a signature by chance
    return bytes;
}

// A JPEG stored sideways with EXIF orientation 6 ("rotate 90° clockwise to display"): a 40 x 20
// image, red on the left, blue on the right, which displays 20 x 40 with red on top.
inline QByteArray sidewaysJpeg()
{
    QImage image(40, 20, QImage::Format_RGB32);
    image.fill(QColor(30, 60, 200));
    QPainter(&image).fillRect(0, 0, 20, 20, QColor(200, 30, 30));
    QByteArray jpeg = encode(image, "jpeg", 95);
    QByteArray tiff = QByteArrayLiteral("MM\x00\x2a\x00\x00\x00\x08");             // big-endian, IFD at 8
    tiff += QByteArrayLiteral("\x00\x01");                                         // one entry
    tiff += QByteArrayLiteral("\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00"); // Orientation = 6
    tiff += QByteArrayLiteral("\x00\x00\x00\x00");                                 // no next IFD
    const QByteArray payload = QByteArrayLiteral("Exif\x00\x00") + tiff;
    QByteArray app1 = QByteArrayLiteral("\xff\xe1");
    app1 += char((payload.size() + 2) >> 8);
    app1 += char((payload.size() + 2) & 0xff);
    app1 += payload;
    jpeg.insert(2, app1); // straight after SOI
    return jpeg;
}

inline QImage whiteImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    return image;
}

// A synthetic axial CT slice through the chest with a colour-wash dose distribution over the left
// breast and chest wall (the patient's left is on the image's right, as radiology displays it).
// Tissues are smooth-edged ellipses with CT-like grey levels and a little noise; the dose is a
// smooth field drawn as a translucent wash with isodose lines.
inline QImage paintDoseDistribution(QSize size)
{
    struct Ellipse
    {
        double cx, cy, rx, ry, angle; // in units of the image height, centre-relative
        double inside(double x, double y, double soft = 0.012) const
        {
            const double reach = std::max(rx, ry) + 4 * soft;
            if (std::abs(x - cx) > reach || std::abs(y - cy) > reach)
                return 0.0;
            const double c = std::cos(angle), s = std::sin(angle);
            const double u = ((x - cx) * c + (y - cy) * s) / rx;
            const double v = (-(x - cx) * s + (y - cy) * c) / ry;
            const double r = std::sqrt(u * u + v * v);
            const double edge = (r - 1.0) * std::min(rx, ry) / soft; // signed distance in "soft" units
            return 1.0 / (1.0 + std::exp(std::clamp(edge * 4.0, -30.0, 30.0)));
        }
    };
    const int w = size.width();
    const int h = size.height();
    const double unit = h;
    const double ox = w / 2.0;
    const double oy = h / 2.0 + 0.02 * h;

    const Ellipse trunk{0, 0.02, 0.47, 0.31, 0};
    const Ellipse leftBreast{0.25, -0.22, 0.19, 0.13, -0.35};
    const Ellipse rightBreast{-0.25, -0.21, 0.17, 0.12, 0.35};
    const Ellipse leftGland{0.27, -0.24, 0.1, 0.06, -0.35};
    const Ellipse rightGland{-0.26, -0.23, 0.09, 0.055, 0.35};
    const Ellipse muscle{0, 0.02, 0.43, 0.27, 0};
    const Ellipse lungR{-0.19, 0.03, 0.15, 0.2, 0.1};
    const Ellipse lungL{0.2, 0.04, 0.14, 0.19, -0.12};
    const Ellipse heart{0.06, -0.02, 0.14, 0.12, -0.5};
    const Ellipse ventricle{0.1, -0.01, 0.07, 0.06, -0.5};
    const Ellipse aorta{-0.04, 0.13, 0.035, 0.035, 0};
    const Ellipse vertebra{0, 0.22, 0.055, 0.05, 0};
    const Ellipse canal{0, 0.285, 0.02, 0.018, 0};
    const Ellipse spinous{0, 0.31, 0.014, 0.03, 0};
    const Ellipse sternum{0, -0.205, 0.04, 0.016, 0};
    // The dose: tangential fields covering the left breast and the chest wall under it.
    const Ellipse target{0.24, -0.2, 0.24, 0.13, -0.42};

    QRandomGenerator noise(2021);
    QImage ct(size, QImage::Format_RGB32);
    QImage dose(size, QImage::Format_ARGB32_Premultiplied);
    dose.fill(Qt::transparent);
    QList<double> field(qsizetype(w) * h, 0.0);
    for (int py = 0; py < h; ++py) {
        auto *line = reinterpret_cast<QRgb *>(ct.scanLine(py));
        for (int px = 0; px < w; ++px) {
            const double x = (px - ox) / unit;
            const double y = (py - oy) / unit;
            const double body =
                std::max({trunk.inside(x, y), leftBreast.inside(x, y), rightBreast.inside(x, y)});
            double value = 0.0;   // air
            value += body * 96.0; // fat
            value += std::max(leftGland.inside(x, y, 0.03), rightGland.inside(x, y, 0.03)) * 22.0;
            value += muscle.inside(x, y) * 22.0; // muscle
            const double lungs = std::max(lungR.inside(x, y), lungL.inside(x, y));
            value -= lungs * 100.0;
            value += heart.inside(x, y) * 14.0 * (1.0 - lungs) + ventricle.inside(x, y) * 10.0;
            value += aorta.inside(x, y) * 18.0;
            value += (vertebra.inside(x, y) + sternum.inside(x, y) + spinous.inside(x, y)) * 110.0;
            value -= canal.inside(x, y) * 90.0;
            // Ribs: small bony ovals along the inside of the chest wall.
            for (int i = 0; i < 7; ++i) {
                for (int side : {-1, 1}) {
                    const double t = 0.55 + i * 0.33;
                    const Ellipse rib{side * 0.405 * std::sin(t), 0.04 - 0.25 * std::cos(t), 0.022, 0.012,
                                      side * (1.5708 - t)};
                    value += rib.inside(x, y, 0.004) * 95.0;
                }
            }
            value += 0.03 * lungs * (noise.bounded(100) < 2 ? 60.0 : 0.0); // lung vessels, sparse
            value += (noise.generateDouble() - 0.5) * 7.0 * body;          // CT noise in tissue
            const int grey = std::clamp(int(value), 0, 255);
            line[px] = qRgb(grey, grey, grey);
            field[qsizetype(py) * w + px] = body * 1.06 * target.inside(x, y, 0.05) *
                                            (1.0 - 0.18 * std::clamp((y - target.cy) / 0.2, 0.0, 1.0));
        }
    }

    // Colour wash (blue at 20 % of the prescription to red at 100 %) with isodose lines.
    auto colour = [](double d) {
        const std::array<std::pair<double, QColor>, 5> stops{{{0.2, QColor(40, 90, 255)},
                                                              {0.5, QColor(0, 200, 255)},
                                                              {0.8, QColor(60, 220, 60)},
                                                              {0.95, QColor(255, 220, 0)},
                                                              {1.05, QColor(255, 40, 20)}}};
        for (size_t i = 1; i < stops.size(); ++i) {
            if (d <= stops[i].first) {
                const double t = (d - stops[i - 1].first) / (stops[i].first - stops[i - 1].first);
                const QColor a = stops[i - 1].second;
                const QColor b = stops[i].second;
                return QColor(int(a.red() + t * (b.red() - a.red())),
                              int(a.green() + t * (b.green() - a.green())),
                              int(a.blue() + t * (b.blue() - a.blue())));
            }
        }
        return stops.back().second;
    };
    const std::array<double, 5> levels{0.2, 0.5, 0.8, 0.95, 1.05};
    for (int py = 1; py < h; ++py) {
        auto *line = reinterpret_cast<QRgb *>(dose.scanLine(py));
        for (int px = 1; px < w; ++px) {
            const double d = field[qsizetype(py) * w + px];
            const double left = field[qsizetype(py) * w + px - 1];
            const double up = field[qsizetype(py - 1) * w + px];
            bool contour = false;
            QColor lineColour;
            for (double level : levels) {
                if ((d >= level) != (left >= level) || (d >= level) != (up >= level)) {
                    contour = true;
                    lineColour = colour(level);
                }
            }
            if (contour) {
                line[px] = lineColour.rgba();
            } else if (d >= 0.2) {
                QColor c = colour(d);
                const int alpha = 70 + int(60 * std::min(1.0, (d - 0.2) / 0.8));
                line[px] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), alpha));
            }
        }
    }

    QPainter p(&ct);
    p.drawImage(0, 0, dose);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    QFont font = cjkFont(11);
    font.setPixelSize(15);
    p.setFont(font);
    p.setPen(QColor(225, 225, 225));
    p.drawText(QPointF(20, 30), QStringLiteral("Axial   z = +12.5 cm"));
    p.drawText(QPointF(20, 50), QStringLiteral("Plan RT-1  ·  50 Gy / 25 fx  ·  tangential IMRT"));
    p.drawText(QPointF(20, h - 22), QStringLiteral("W 400  L 40"));
    p.drawText(QPointF(w - 34, h / 2.0), QStringLiteral("L"));
    p.drawText(QPointF(22, h / 2.0), QStringLiteral("R"));
    p.drawText(QPointF(w / 2.0 - 4, 30), QStringLiteral("A"));
    const QList<std::pair<QString, double>> legend{{QStringLiteral("52.5 Gy  105 %"), 1.05},
                                                   {QStringLiteral("47.5 Gy   95 %"), 0.95},
                                                   {QStringLiteral("40.0 Gy   80 %"), 0.8},
                                                   {QStringLiteral("25.0 Gy   50 %"), 0.5},
                                                   {QStringLiteral("10.0 Gy   20 %"), 0.2}};
    double y = h - 30 - legend.size() * 22.0;
    for (const auto &[label, level] : legend) {
        p.fillRect(QRectF(w - 170, y, 16, 12), colour(level));
        p.drawText(QPointF(w - 146, y + 11), label);
        y += 22;
    }
    return ct;
}

inline QImage doseDistributionImage(QSize size = QSize(1024, 768))
{
    static QHash<QPair<int, int>, QImage> made; // generated once per size: tests open it often
    const QPair<int, int> key(size.width(), size.height());
    if (!made.contains(key))
        made.insert(key, paintDoseDistribution(size));
    return made.value(key);
}

// An organ-at-risk dose table as a plan report lists it.
inline QStandardItemModel *doseTableModel(QObject *parent)
{
    auto *model = new QStandardItemModel(0, 5, parent);
    model->setHorizontalHeaderLabels({QStringLiteral("Organ at risk"), QStringLiteral("Metric"),
                                      QStringLiteral("Plan"), QStringLiteral("Constraint"),
                                      QStringLiteral("Status")});
    const QList<QStringList> rows{
        {QStringLiteral("Heart"), QStringLiteral("Dmean"), QStringLiteral("3.1 Gy"),
         QStringLiteral("< 4 Gy")},
        {QStringLiteral("LAD"), QStringLiteral("Dmax"), QStringLiteral("17.8 Gy"), QStringLiteral("< 20 Gy")},
        {QStringLiteral("Left lung"), QStringLiteral("V20"), QStringLiteral("14.2 %"),
         QStringLiteral("< 30 %")},
        {QStringLiteral("Left lung"), QStringLiteral("V5"), QStringLiteral("41.6 %"),
         QStringLiteral("< 50 %")},
        {QStringLiteral("Left lung"), QStringLiteral("Dmean"), QStringLiteral("9.4 Gy"),
         QStringLiteral("< 15 Gy")},
        {QStringLiteral("Right lung"), QStringLiteral("V5"), QStringLiteral("6.3 %"),
         QStringLiteral("< 10 %")},
        {QStringLiteral("Right breast"), QStringLiteral("Dmean"), QStringLiteral("1.2 Gy"),
         QStringLiteral("< 3 Gy")},
        {QStringLiteral("Spinal cord"), QStringLiteral("Dmax"), QStringLiteral("6.4 Gy"),
         QStringLiteral("< 45 Gy")},
        {QStringLiteral("Esophagus"), QStringLiteral("Dmean"), QStringLiteral("5.1 Gy"),
         QStringLiteral("< 34 Gy")},
        {QStringLiteral("Thyroid"), QStringLiteral("Dmean"), QStringLiteral("4.2 Gy"),
         QStringLiteral("< 20 Gy")},
        {QStringLiteral("PTV 50"), QStringLiteral("D95"), QStringLiteral("48.6 Gy"),
         QStringLiteral("≥ 47.5 Gy")},
    };
    for (const QStringList &row : rows) {
        QList<QStandardItem *> items;
        for (const QString &text : row)
            items << new QStandardItem(text);
        auto *status = new QStandardItem(QStringLiteral("✓ Met"));
        status->setForeground(QColor(0x2e, 0x7d, 0x32));
        items << status;
        model->appendRow(items);
    }
    return model;
}

} // namespace mdp::viewer::testing
