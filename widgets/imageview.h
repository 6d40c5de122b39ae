#pragma once

#include <QPointF>
#include <QString>
#include <QWidget>

#include <vector>

namespace latentlens::widgets {

/// Shows one float plane as a grey image with a display range (contrast), zoom with the
/// wheel around the cursor, pan by dragging, and reports the pixel under the cursor.
class ImageView : public QWidget
{
    Q_OBJECT

public:
    explicit ImageView(QWidget* parent = nullptr);

    /// Shows `values` (width x height, x fastest). Keeps the zoom when the size is unchanged.
    void setImage(int width, int height, std::vector<float> values);
    void clear();
    bool hasImage() const { return mWidth > 0; }
    int imageWidth() const { return mWidth; }
    int imageHeight() const { return mHeight; }
    /// The value at pixel (x, y); NaN outside the image.
    float valueAt(int x, int y) const;

    /// Sets the values shown as black and white.
    void setDisplayRange(float low, float high);
    /// Sets the display range to the given percentiles of the finite values (default 0.1-99.9).
    void autoContrast(double lowPercentile = 0.1, double highPercentile = 99.9);
    float displayLow() const { return mLow; }
    float displayHigh() const { return mHigh; }

    /// Text shown while there is no image.
    void setPlaceholderText(const QString& text);
    QString placeholderText() const { return mPlaceholder; }

    double zoom() const { return mZoom; }
    /// Image pixel under a widget position (may be outside the image).
    QPointF widgetToImage(const QPointF& position) const;
    /// Fits the whole image in the widget.
    void fitToWindow();

    /// The picture as displayed (image pixels, display range applied), for tests and export.
    QImage renderedImage() const;

signals:
    void pixelHovered(int x, int y, float value);
    void pixelLeft();
    void displayRangeChanged(float low, float high);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildPixmap();

    int mWidth = 0;
    int mHeight = 0;
    std::vector<float> mValues;
    float mLow = 0.0f;
    float mHigh = 1.0f;
    QImage mRendered;
    double mZoom = 1.0;
    QPointF mOffset; // widget position of image pixel (0, 0)
    bool mFitted = true;
    bool mDragging = false;
    QPointF mDragStart;
    QPointF mOffsetAtDragStart;
    QString mPlaceholder;
};

} // namespace latentlens::widgets
