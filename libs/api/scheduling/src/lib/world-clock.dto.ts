import { WorldClockRequest } from '@kengash/contracts';
import { isValidTimeZone } from '@kengash/util-time';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  ValidateBy,
} from 'class-validator';

/** An IANA time-zone name the server's tz database knows (there is no `Asia/Astana`: use `Asia/Almaty`). */
export function IsTimeZone(each = false) {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value),
        defaultMessage: () => 'must be an IANA time zone such as Asia/Tashkent',
      },
    },
    { each },
  );
}

export class WorldClockDto implements WorldClockRequest {
  @ApiProperty({ example: '2024-07-26T10:00:00Z', description: 'ISO 8601 instant with Z or an offset' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'instant must be an ISO 8601 date-time' })
  @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/, { message: 'instant must include a time and a UTC offset (Z or ±hh:mm)' })
  instant!: string;

  @ApiPropertyOptional({ type: [String], example: ['Asia/Tashkent', 'Europe/Vienna'], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsTimeZone(true)
  zones?: string[];
}
