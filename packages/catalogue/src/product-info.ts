import type { Product, ProductInfo } from './generated/models';

/** The display fields of a product, as a bron that keeps only Products serves its ProductInfo. */
export function productInfoOf(product: Product): ProductInfo {
  const info: ProductInfo = { productId: product.productId };
  if (product.name !== undefined) info.name = product.name;
  if (product.type !== undefined) info.type = product.type;
  if (product.status !== undefined) info.status = product.status;
  if (product.shortDescription !== undefined) info.shortDescription = product.shortDescription;
  if (product.publisher !== undefined) info.publisher = product.publisher;
  if (product.defaultAccessUrl !== undefined) info.defaultAccessUrl = product.defaultAccessUrl;
  if (product.media !== undefined) info.media = product.media;
  if (product.productDescriptionIds !== undefined) info.productDescriptionIds = product.productDescriptionIds;
  if (product.dateLastModified !== undefined) info.dateLastModified = product.dateLastModified;
  return info;
}
