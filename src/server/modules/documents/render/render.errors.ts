import { defineErrors } from '../../../platform/errors/app-error.js';

export const renderErrors = defineErrors({
  'render.font_invalid': { status: 422, zh: '配置的公文字体文件无法读取或不是有效字体', en: 'A configured document font cannot be read' },
  'render.input_invalid': { status: 422, zh: '公文排版内容不完整或格式不正确', en: 'The document cannot be laid out: invalid input' },
  'render.seal_image_invalid': { status: 422, zh: '印章图片不是有效的 PNG 或 JPEG 图像', en: 'The seal picture is not a valid PNG or JPEG' },
});
